import { beforeAll, describe, expect, it } from 'vitest';
import { openWasmDb } from './wasmEngine.ts';
import { tokenize } from '../../src/lib/explore/sqlGuard.ts';

/**
 * The SQL cell's guard reads the text with its own tokenizer; where it ends a string or a comment
 * elsewhere than DuckDB does, a statement can hide from it (issue 13). Here each text is lexed by
 * DuckDB-WASM itself (its script tokenizer, the parser's lexer) and by the guard: the words,
 * names, strings and numbers must start at the same places. Operators are left out (DuckDB joins
 * `::` or `->>` into one token, the guard keeps characters).
 */
let duck: (sql: string) => { offsets: number[]; types: number[] };
beforeAll(async () => {
  const { db } = await openWasmDb();
  duck = (sql) => db.tokenize(sql);
});

/** DuckDB's token types: 0 identifier, 1 number, 2 string, 3 operator, 4 keyword, 5 comment. */
const KIND: Record<number, string> = { 0: 'name', 1: 'number', 2: 'string', 4: 'name' };
const mine = (sql: string) =>
  tokenize(sql)
    .filter((t) => t.kind !== 'symbol' && t.kind !== 'param')
    .map((t) => `${t.start}:${t.kind === 'word' || t.kind === 'quoted' ? 'name' : t.kind}`);
const theirs = (sql: string) => {
  const { offsets, types } = duck(sql);
  // DuckDB counts UTF-8 bytes; the guard, UTF-16 code units. `::` and `->>` come as keywords: left out with the operators.
  const bytes = new TextEncoder().encode(sql);
  const at = (o: number) => new TextDecoder().decode(bytes.subarray(0, o)).length;
  return offsets.flatMap((o, i) => (KIND[types[i]] && !/[-:~!@#^&|`?+*\/%<>=]/.test(sql[at(o)]) ? [`${at(o)}:${KIND[types[i]]}`] : []));
};

const TEXTS = [
  `SELECT 'a;b' , "c""d" -- x\n/* y */ FROM t`,
  "SELECT E'\\' ' AS a, * FROM read_text('data/manifest.json') --'",
  "SELECT 1 /* /* */ ' */; DROP TABLE influencers; --'",
  "SELECT e'a\\\\' 'b'",
  "SELECT '\\' x",
  "SELECT E'it''s', e'\\n\\t\\x41'",
  "SELECT somee'\\' x",
  "SELECT 1E'\\' '",
  "SELECT x.e'y'",
  'SELECT 1e5, 1.5e-3, .5, 1_000, 0x1F, 1., 1e, 2E+',
  "SELECT 1 /* /* */ ' */ AS x",
  'SELECT /*/ */ 2',
  'SELECT /**/ 2 /***/ , 3 /* ** / */',
  'SELECT 2*/*x*/3',
  'SELECT 1--c\n, 2',
  'SELECT 1 -- c\r, 2',
  'SELECT $$a$b$$, $a1$ x; $a1$, a$b, $_x$ y $_x$',
  "SELECT 'a'\n'b', 'c' 'd'",
  "SELECT 'a' -- c\n'b'",
  "SELECT 'a'\n-- c\n'b'",
  "SELECT 'a' -- c\n, 'b'",
  "SELECT 'a'  \n  \n 'b' x",
  "SELECT X'0F', B'01', N'n'",
  'SELECT éx, "naïve"',
  "PIVOT 'data/x.csv' ON a",
  'SELECT * FROM "data/x.csv"',
  "SHOW 'data/manifest.json'",
  "SELECT x::VARCHAR, a->>'b', 1<>2, a||'c' FROM t WHERE b != 'd'",
];

describe("the guard's tokenizer starts tokens where DuckDB's lexer does", () => {
  it.each(TEXTS)('%j', (sql) => {
    expect(mine(sql)).toEqual(theirs(sql));
  });
});
