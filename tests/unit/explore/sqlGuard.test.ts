import { describe, expect, it } from 'vitest';
import { guardSql, tokenize } from '../../../src/lib/explore/sqlGuard.ts';

describe('guardSql lets one read statement through', () => {
  it.each([
    'SELECT 1',
    'select * from influencers limit 5;',
    'SELECT 1;;  ',
    'WITH t AS (SELECT 1 AS x) SELECT x FROM t',
    'FROM influencers SELECT handle',
    'DESCRIBE influencers',
    'SUMMARIZE account_features',
    'SHOW TABLES',
    'EXPLAIN SELECT * FROM placements',
    'EXPLAIN ANALYZE SELECT count(*) FROM placements',
    "PRAGMA table_info('influencers')",
    'PRAGMA show_tables',
    'VALUES (1, 2)',
    "SELECT 'DROP TABLE x; INSERT' AS s -- CREATE in a comment\n",
    '/* DELETE */ SELECT "update", "set" FROM t',
    'SELECT * FROM reach_score(1, 0.5, 0.5) ORDER BY score DESC',
    "SELECT 'it''s', $$ COPY; $$ AS x",
    "SELECT handle FROM influencers WHERE handle LIKE '%yoga%'",
    'SELECT t.update FROM t',
    "SELECT 'a.csv' AS name, 'b'",
  ])('%s', (sql) => {
    const r = guardSql(sql);
    expect(r).toEqual({ ok: true, sql: expect.any(String) });
  });
});

describe('guardSql refuses, saying why', () => {
  it.each([
    ['', /no query/],
    ['   -- only a comment', /no query/],
    ['INSERT INTO brands VALUES (1)', /INSERT is refused: this cell is read-only/],
    ['update brands set name = 1', /UPDATE is refused/],
    ['DELETE FROM brands', /DELETE is refused/],
    ['CREATE TABLE x AS SELECT 1', /CREATE is refused/],
    ['DROP TABLE influencers', /DROP is refused/],
    ['ALTER TABLE brands ADD COLUMN x INT', /ALTER is refused/],
    ["COPY brands TO 'out.csv'", /COPY is refused/],
    ["ATTACH 'https://example.com/x.duckdb' AS x", /ATTACH is refused: .*opens another database/],
    ['DETACH x', /DETACH is refused/],
    ['INSTALL httpfs', /INSTALL is refused: .*downloads an extension/],
    ['LOAD httpfs', /LOAD is refused/],
    ['FORCE INSTALL httpfs', /FORCE is refused/],
    ['SET threads = 1', /SET is refused: .*changes settings/],
    ["EXPORT DATABASE 'x'", /EXPORT is refused/],
    ["IMPORT DATABASE 'x'", /IMPORT is refused/],
    ['CALL pragma_version()', /CALL is refused/],
    ['PRAGMA enable_profiling', /PRAGMA enable_profiling is refused/],
    ["PRAGMA threads = 2", /PRAGMA threads is refused/],
    ['SELECT 1; SELECT 2', /Only one statement/],
    ['SELECT 1; DROP TABLE brands', /Only one statement/],
    ['WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x', /INSERT is refused/],
    ['EXPLAIN ANALYZE CREATE TABLE t AS SELECT 1', /CREATE is refused/],
    ["SELECT * FROM read_csv('/etc/passwd')", /read_csv\(\) is refused: it reads files/],
    ["SELECT * FROM READ_CSV_AUTO('x.csv')", /READ_CSV_AUTO\(\) is refused/],
    ["SELECT * FROM read_parquet('x.parquet')", /read_parquet\(\) is refused/],
    ["SELECT * FROM read_json_auto('x.json')", /read_json_auto\(\) is refused/],
    ["SELECT * FROM read_ndjson('x')", /read_ndjson\(\) is refused/],
    ["SELECT * FROM glob('*')", /glob\(\) is refused/],
    ["SELECT * FROM read_text('x')", /read_text\(\) is refused/],
    ["SELECT * FROM read_blob('x')", /read_blob\(\) is refused/],
    ["SELECT * FROM \"read_csv\"('x')", /read_csv\(\) is refused/],
    ["SELECT * FROM query('DROP TABLE brands')", /query\(\) is refused/],
    ["SELECT * FROM 'data.csv'", /a quoted name after FROM reads a file/],
    ["SELECT * FROM brands JOIN 'x.parquet' USING (brand_id)", /after JOIN reads a file/],
    ["SELECT * FROM brands, 'x.parquet'", /after , reads a file/],
    ["DESCRIBE 'x.csv'", /after DESCRIBE reads a file/],
    ["SELECT 'https://example.com/a' AS u", /never reaches the network/],
    ["SELECT * FROM 's3://bucket/x'", /never reaches the network/],
    ['GRANT ALL ON x TO y', /"GRANT" does not start a read query/],
    ["SELECT 'unclosed", /could not be read: a string is not closed/],
    ['SELECT 1 /* open', /could not be read: a \/\* comment is not closed/],
  ])('%s', (sql, reason) => {
    const r = guardSql(sql);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('tokenize', () => {
  it('sets comments aside and keeps strings and quoted names whole', () => {
    expect(tokenize(`SELECT 'a;b' , "c""d" -- x\n/* y */ FROM t`).map((t) => `${t.kind}:${t.text}`)).toEqual(['word:SELECT', 'string:a;b', 'symbol:,', 'quoted:c"d', 'word:FROM', 'word:t']);
  });
});
