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
    'SELECT * FROM "influencers" LIMIT 3',
    "SELECT E'it\\'s' AS s",
    "SELECT ';' AS semicolon",
    'SELECT 1 /* a /* nested */ comment */ AS x',
    'PIVOT brands ON slug IN (\'a\', \'b\') USING count(*)',
    'UNPIVOT (SELECT 1 AS a, 2 AS b) ON a, b INTO NAME k VALUE v',
    'SELECT $tag1$ DROP; $tag1$ AS s',
    'SELECT 1; -- a comment after the statement',
    // One statement to DuckDB too: the backslash escapes the quote, the rest is the string.
    "SELECT e'\\' ; DROP TABLE brands; --'",
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
    ['SELECT 1 /* /* */ still open', /could not be read: a \/\* comment is not closed/],
    // The statements of issue 13 that passed the old guard.
    ["SELECT E'\\' ' AS a, * FROM read_text('data/manifest.json') --'", /read_text\(\) is refused/],
    ["SELECT 1 /* /* */ ' */; DROP TABLE influencers; --'", /Only one statement/],
    ["SELECT 1 /* /* */ ' */; CREATE OR REPLACE MACRO reach_score(a, b, c) AS TABLE SELECT 1; --'", /Only one statement/],
    ['SELECT * FROM enable_logging()', /enable_logging\(\) is refused: it changes the engine/],
    ['SELECT * FROM "data/manifest.csv"', /"data\/manifest.csv" is refused: a quoted name after FROM reads a file/],
    ['SELECT * FROM "x.parquet"', /a quoted name after FROM reads a file/],
    ['SELECT * FROM brands, "x.csv"', /a quoted name after , reads a file/],
    ["SHOW 'data/manifest.json'", /a quoted name after SHOW reads a file/],
    ["PIVOT 'data/x.csv' ON a", /a quoted name after PIVOT reads a file/],
    ["UNPIVOT 'data/x.csv' ON a INTO NAME k VALUE v", /a quoted name after UNPIVOT reads a file/],
    ["SELECT e'\\' ' ; DROP TABLE brands; --'", /Only one statement/],
    ["SELECT 1E'\\' ' ; DROP TABLE brands; --'", /Only one statement/],
    ["SELECT 'a'\n'.csv' AS x FROM 'y'\n'.csv'", /a quoted name after FROM reads a file/],
    ['SELECT $a1$ x $a1$; DROP TABLE brands', /Only one statement/],
    ['SELECT * FROM disable_logging()', /disable_logging\(\) is refused/],
    ['SELECT * FROM truncate_duckdb_logs()', /truncate_duckdb_logs\(\) is refused/],
    ['SELECT * FROM checkpoint()', /CHECKPOINT is refused/],
    ['SELECT * FROM force_checkpoint()', /force_checkpoint\(\) is refused/],
    ['SELECT * FROM arrow_scan(1, 2, 3)', /arrow_scan\(\) is refused/],
    ["SELECT * FROM query_table('brands')", /query_table\(\) is refused/],
    ['PRAGMA enable_checkpoint_on_shutdown', /PRAGMA enable_checkpoint_on_shutdown is refused/],
    ["PRAGMA table_info('x'); SELECT 1", /Only one statement/],
    ['USE memory', /USE is refused/],
    ['CHECKPOINT', /CHECKPOINT is refused/],
    ['VACUUM', /VACUUM is refused/],
    ['BEGIN TRANSACTION', /BEGIN is refused/],
    ['COMMIT', /COMMIT is refused/],
    ['PREPARE p AS SELECT 1', /PREPARE is refused/],
    ["COMMENT ON TABLE brands IS 'x'", /COMMENT is refused/],
    ['TRUNCATE brands', /TRUNCATE is refused/],
    ['MERGE INTO brands USING brands b ON true WHEN MATCHED THEN DELETE', /MERGE is refused/],
    ['RESET threads', /RESET is refused/],
    ['SELECT 1 FROM brands WHERE slug IN (SELECT slug FROM brands) AND EXISTS (DELETE FROM brands)', /DELETE is refused/],
  ])('%s', (sql, reason) => {
    const r = guardSql(sql);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('tokenize, as DuckDB lexes (tests/sql/lexer-agreement.test.ts checks these against DuckDB itself)', () => {
  const shape = (sql: string) => tokenize(sql).map((t) => `${t.kind}:${t.text}`);
  it.each<[string, string[]]>([
    [`SELECT 'a;b' , "c""d" -- x\n/* y */ FROM t`, ['word:SELECT', 'string:a;b', 'symbol:,', 'quoted:c"d', 'word:FROM', 'word:t']],
    // E strings take backslash escapes; plain strings do not.
    ["SELECT E'\\' ' x", ['word:SELECT', "string:' ", 'word:x']],
    ["SELECT e'a\\\\' 'b'", ['word:SELECT', 'string:a\\', 'string:b']],
    ["SELECT '\\' x", ['word:SELECT', 'string:\\', 'word:x']],
    ["SELECT E'it''s'", ['word:SELECT', "string:it's"]],
    // An E that ends a word does not start an E string.
    ["SELECT somee'\\' x", ['word:SELECT', 'word:somee', 'string:\\', 'word:x']],
    // A number leaves a trailing E to the next token.
    ["SELECT 1E'\\' '", ['word:SELECT', 'number:1', "string:' "]],
    ['SELECT 1e5, 1.5e-3, .5, 1_000, 0x1F', ['word:SELECT', 'number:1e5', 'symbol:,', 'number:1.5e-3', 'symbol:,', 'number:.5', 'symbol:,', 'number:1_000', 'symbol:,', 'number:0', 'word:x1F']],
    // Block comments nest.
    ["SELECT 1 /* /* */ ' */ AS x", ['word:SELECT', 'number:1', 'word:AS', 'word:x']],
    ['SELECT /*/ */ 2', ['word:SELECT', 'number:2']],
    ['SELECT 2*/*x*/3', ['word:SELECT', 'number:2', 'symbol:*', 'number:3']],
    ['SELECT 1--c\n, 2', ['word:SELECT', 'number:1', 'symbol:,', 'number:2']],
    // Dollar quoting: $$, $tag$ with digits after the first character; $1 is a parameter; $ inside a word is part of it.
    ['SELECT $$a$b$$, $a1$ x; $a1$, $1, a$b', ['word:SELECT', 'string:a$b', 'symbol:,', 'string: x; ', 'symbol:,', 'param:$1', 'symbol:,', 'word:a$b']],
    // Strings separated by a line break are one string.
    ["SELECT 'a'\n'b', 'c' 'd'", ['word:SELECT', 'string:ab', 'symbol:,', 'string:c', 'string:d']],
    ["SELECT 'a' -- c\n'b'", ['word:SELECT', 'string:ab']],
    ["SELECT 'a' -- c\n, 'b'", ['word:SELECT', 'string:a', 'symbol:,', 'string:b']],
    ["SELECT 'a'\n-- c\n'b'", ['word:SELECT', 'string:ab']],
    // Prefixed strings.
    ["SELECT X'0F', B'01', N'n'", ['word:SELECT', 'string:0F', 'symbol:,', 'string:01', 'symbol:,', 'word:N', 'string:n']],
    // DuckDB's whitespace: the Unicode spaces its parser turns into spaces, not U+0085, U+2028 or vertical tab.
    ['SELECT\u00a0x\u3000FROM\u200bt', ['word:SELECT', 'word:x', 'word:FROM', 'word:t']],
    ['SELECT\u2028x', ['word:SELECT\u2028x']],
    ['SELECT\vx', ['word:SELECT', 'symbol:\v', 'word:x']],
    ['SELECT éx', ['word:SELECT', 'word:éx']],
  ])('%j', (sql, expected) => {
    expect(shape(sql)).toEqual(expected);
  });

  it.each([
    ["SELECT E'\\'", /string is not closed/],
    ['SELECT "a', /quoted name is not closed/],
    ['SELECT $x$ a', /\$x\$ string is not closed/],
    ['/* /* */', /comment is not closed/],
  ])('throws on %j', (sql, error) => {
    expect(() => tokenize(sql)).toThrow(error);
  });

  it('records where each token starts', () => {
    expect(tokenize("SELECT E'\\'' x -- c\n FROM \"t\"").map((t) => t.start)).toEqual([0, 7, 13, 21, 26]);
  });
});
