import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWasmWorld } from './wasmEngine.ts';
import { openWorld } from '../../src/lib/db/world.ts';
import { runQuery } from '../../src/lib/db/run.ts';
import type { Engine } from '../../src/lib/db/engine.ts';
import { QUERIES, type QueryName } from '../../src/sql/catalog.ts';
import { parameterNames } from '../../src/sql/bind.ts';
import { DEFAULTS, type ParamName } from '../../src/lib/state/params.ts';

let wasm: Engine;
let native: Awaited<ReturnType<typeof openWorld>>;
beforeAll(async () => {
  [wasm, native] = await Promise.all([openWasmWorld(), openWorld()]);
});
afterAll(() => native.close());

// Queries with parameters of their own (not reader controls) get example values here.
const EXAMPLES: Partial<Record<QueryName, Record<string, string | number | boolean | null>>> = {
  explore_accounts: {
    brand: '',
    tier: 'micro',
    topic: '',
    followers_min: 20000,
    followers_max: null,
    score_min: null,
    score_max: 60,
    handle: '',
    sort: 'score',
    descending: true,
    limit: 200,
    offset: 10,
  },
};

describe('every shipped query gives identical rows in DuckDB-WASM (browser files) and DuckDB on Node (build file)', () => {
  const variants = [DEFAULTS, { ...DEFAULTS, w_followers: 0 }, { ...DEFAULTS, w_reactions: 2, w_reactors: 0 }];
  for (const name of Object.keys(QUERIES) as QueryName[]) {
    it.each(variants.map((v, i) => [i, v]))(`${name}, parameter set %i`, async (_, values) => {
      const params = Object.fromEntries(parameterNames(QUERIES[name]).map((p) => [p, values[p as ParamName]]));
      Object.assign(params, EXAMPLES[name]);
      const [a, b] = await Promise.all([runQuery(wasm, name, params), runQuery(native, name, params)]);
      expect(a.frame.length).toBeGreaterThan(0);
      expect(a.frame.names).toEqual(b.frame.names);
      for (const n of a.frame.names) expect(Array.from(a.frame.columns[n]), n).toEqual(Array.from(b.frame.columns[n]));
    });
  }
});
