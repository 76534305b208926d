// Runs first in every npm script, on the `node` that npm finds first on PATH: after `npm install`
// that is the Node 24 the `node` package put into node_modules/.bin; before it (or after an install
// without scripts) it is the machine's own, often older, Node. Plain JavaScript that any Node since
// 12 can run, so an old one says what to do in one line instead of failing on the first `.ts` file.
import { readFileSync } from 'node:fs';

const wanted = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).engines.node;
const [major, minor] = (/(\d+)(?:\.(\d+))?/.exec(wanted) ?? []).slice(1).map((n) => Number(n ?? 0));
const [haveMajor, haveMinor] = process.versions.node.split('.').map(Number);
if (haveMajor < major || (haveMajor === major && haveMinor < minor)) {
  console.error(`Influence This needs Node ${wanted}, and this is Node ${process.versions.node}: run \`npm install\` first (with its install scripts), which puts Node 24 into node_modules/.bin for every npm script.`);
  process.exit(1);
}
