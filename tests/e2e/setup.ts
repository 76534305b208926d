import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';
import { serve } from '../../src/tools/serve.ts';

/** Serve the production build on a free port of 127.0.0.1 for the browser tests. */
export default async function setup(project: TestProject) {
  // E2E_DIST: another build directory (e.g. to test one build while the next is being made).
  const dir = process.env.E2E_DIST ?? new URL('../../dist', import.meta.url).pathname;
  if (!existsSync(`${dir}/index.html`)) throw new Error('no production build: run `npm test` (it builds first)');
  const { server, url } = await serve({ dir, port: 0 });
  project.provide('baseURL', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
