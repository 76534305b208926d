import { describe, expect, it } from 'vitest';
import { openNodeEngine } from '../../src/lib/db/node.ts';
import { openWasmWorld } from './wasmEngine.ts';

describe('the build and the browser', () => {
  it('run the same DuckDB release', async () => {
    const node = await openNodeEngine();
    const wasm = await openWasmWorld();
    const [a, b] = await Promise.all([node, wasm].map(async (e) => (await e.query('SELECT version() AS v')).columns.v[0]));
    node.close();
    expect(a).toBe('v1.4.3');
    expect(b).toBe(a);
  }, 60_000);
});
