/**
 * `npm test`: prepares everything the suites need (Chromium, the data, the production build),
 * type-checks, runs every vitest suite (unit, SQL, charts, end-to-end in Chromium) and ends with
 * one plain line, `N passed, N failed`, counted over all of them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { CHROMIUM } from './e2e/browser.ts';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const extra = process.argv.slice(2);

function step(what: string, command: string, args: readonly string[], env: Record<string, string> = {}): boolean {
  console.log(`\n== ${what}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) console.error(`${what} failed (exit ${r.status})`);
  return r.status === 0;
}

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log('Chromium is missing: installing Debian\'s chromium package');
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' });
  } else {
    console.error('The browser tests need Debian\'s Chromium. Install it with:\n  sudo apt-get install -y chromium');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const npx = (...args: string[]) => ['node', [`${root}node_modules/.bin/${args[0]}`, ...args.slice(1)]] as const;
let failedSteps = 0;
if (!step('data', 'node', ['data/build.ts'])) failedSteps++;
if (!step('type check', ...npx('tsc', '--noEmit'))) failedSteps++;
if (!step('build', ...npx('astro', 'build'))) failedSteps++;
else if (!step('post-build (CSP hashes, compressed copies)', 'node', ['src/tools/postbuild.ts'])) failedSteps++;
// The same site for a sub-folder (tests/e2e/subfolder.test.ts serves it under its base path).
const sub = { BASE_PATH: '/influence-this/' };
if (!step('build under a sub-folder', ...npx('astro', 'build', '--outDir', '.cache/dist-sub'), sub)) failedSteps++;
else if (!step('post-build, sub-folder', 'node', ['src/tools/postbuild.ts', '--dir', '.cache/dist-sub', '--no-compress'], sub)) failedSteps++;

mkdirSync('.cache', { recursive: true });
const report = '.cache/vitest-report.json';
step('tests', ...npx('vitest', 'run', '--config', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...extra));

let passed = 0;
let failed = failedSteps;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; success: boolean };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  if (!r.success && r.numFailedTests === 0) failed++; // a suite that failed to load counts
} else failed++;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
