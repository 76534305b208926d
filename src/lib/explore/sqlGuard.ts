/**
 * The read-only SQL cell's guard, for clear messages: one read statement (SELECT, WITH, FROM-first,
 * VALUES, TABLE, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, PIVOT, UNPIVOT, or a PRAGMA that only lists),
 * with no writes and nothing that reads files or the network. It reads the text as tokens the way
 * DuckDB's lexer does (tests/sql/lexer-agreement compares the two), so a keyword inside a string
 * or a comment is not mistaken for a command, and a string that DuckDB ends elsewhere cannot hide
 * one. It is not what makes the cell read-only: the engine is locked and the statement runs in a
 * transaction that is rolled back (src/lib/db/readOnly.ts); the guard says why before that.
 */

export type GuardResult = { ok: true; sql: string } | { ok: false; reason: string };

export interface Token {
  kind: 'word' | 'string' | 'quoted' | 'symbol' | 'number' | 'param';
  text: string;
  /** Where the token starts in the text (UTF-16 offset). */
  start: number;
}

/** Statements that change data, schema, settings or attached databases, and what each does. */
const WRITES: Record<string, string> = {
  INSERT: 'adds rows',
  UPDATE: 'changes rows',
  DELETE: 'removes rows',
  TRUNCATE: 'removes rows',
  MERGE: 'changes rows',
  UPSERT: 'changes rows',
  CREATE: 'creates tables, views, macros or secrets',
  DROP: 'drops tables',
  ALTER: 'changes tables',
  COPY: 'reads or writes files',
  ATTACH: 'opens another database (a file or a URL)',
  DETACH: 'closes a database',
  INSTALL: 'downloads an extension',
  LOAD: 'loads an extension',
  FORCE: 'downloads an extension',
  SET: 'changes settings',
  RESET: 'changes settings',
  USE: 'changes the default database',
  EXPORT: 'writes files',
  IMPORT: 'reads files',
  CALL: 'runs a procedure',
  CHECKPOINT: 'writes the database',
  VACUUM: 'writes the database',
  BEGIN: 'starts a transaction',
  COMMIT: 'ends a transaction',
  ROLLBACK: 'ends a transaction',
  ABORT: 'ends a transaction',
  START: 'starts a transaction',
  PREPARE: 'prepares statements',
  EXECUTE: 'runs prepared statements',
  DEALLOCATE: 'drops prepared statements',
  COMMENT: 'changes the catalog',
  ANALYZE: 'collects statistics',
  UPDATE_EXTENSIONS: 'downloads extensions',
};

/** Of those, the words refused anywhere in the text (a write hidden after WITH, EXPLAIN ANALYZE, DESCRIBE…); the rest only as the first word. */
const WRITES_ANYWHERE = new Set(['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'MERGE', 'CREATE', 'DROP', 'ALTER', 'COPY', 'ATTACH', 'DETACH', 'INSTALL', 'LOAD', 'SET', 'RESET', 'EXPORT', 'IMPORT', 'CALL', 'CHECKPOINT', 'VACUUM', 'PRAGMA']);

const READ_STARTS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'DESC', 'SUMMARIZE', 'SHOW', 'EXPLAIN', 'PRAGMA', 'PIVOT', 'UNPIVOT', 'PIVOT_WIDER', 'PIVOT_LONGER', '(']);

/** PRAGMAs that only list things (the others change settings). */
const READ_PRAGMAS = new Set(['table_info', 'show_tables', 'show_tables_expanded', 'show', 'database_list', 'database_size', 'functions', 'collations', 'version', 'platform', 'storage_info', 'metadata_info', 'user_agent']);

/**
 * Functions refused by name: those that read files, URLs or SQL text, and those that change the
 * engine's state without SET (DuckDB 1.4's enable_logging() changes a setting in spite of
 * lock_configuration; arrow_scan reads raw memory pointers).
 */
const FILE_FUNCTIONS = /^(read_csv(_auto)?|read_tsv|sniff_csv|read_parquet|parquet_(scan|metadata|schema|file_metadata|kv_metadata|bloom_probe)|read_json(_auto|_objects(_auto)?)?|read_ndjson(_auto|_objects)?|json_execute_serialized_sql|glob|read_text|read_blob|read_xlsx|st_read|iceberg_scan|iceberg_metadata|iceberg_snapshots|delta_scan|sqlite_scan|sqlite_attach|postgres_scan|postgres_query|postgres_attach|mysql_scan|mysql_query|query|query_table|getenv|load_extension|install_extension|httpfs.*|http_get|http_post|duckdb_secrets|which_secret|arrow_scan|arrow_scan_dumb|csv_scan|read_duckdb|seq_scan)$/i;
const STATE_FUNCTIONS = /^(enable_logging|disable_logging|truncate_duckdb_logs|checkpoint|force_checkpoint|enable_profiling|disable_profiling|copy_database|import_database)$/i;

/** The words after which a name is a table (or, for DuckDB, a file). */
const TABLE_POSITION = new Set(['FROM', 'JOIN', 'DESCRIBE', 'DESC', 'SUMMARIZE', 'TABLE', 'SHOW', 'PIVOT', 'UNPIVOT', 'PIVOT_WIDER', 'PIVOT_LONGER', 'USING', ',']);

const URL_SCHEME = /^(https?|s3a?|s3n|gcs|gs|r2|az|azure|abfss?|hf|file|ftp|http):\/\//i;
const FILE_LIKE = /\.(csv|tsv|txt|parquet|json|jsonl|ndjson|arrow|feather|duckdb|db|sqlite|xlsx|gz|zst|zip)$/i;

/** Whitespace to DuckDB: its lexer's five, and the Unicode spaces its parser turns into spaces first (U+0085, U+1680, U+2028 and vertical tab are not). */
const SPACE = /[ \t\n\r\f\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
/** Identifier characters, as DuckDB's lexer has them: ASCII letters, digits, _ and $, and every non-ASCII character. */
const IDENT_START = /[A-Za-z_\u0080-\uffff]/;
const IDENT_CONT = /[A-Za-z0-9_$\u0080-\uffff]/;
const isSpace = (c: string | undefined) => c !== undefined && SPACE.test(c);
const isIdentStart = (c: string | undefined) => c !== undefined && IDENT_START.test(c) && !SPACE.test(c);
const isIdentCont = (c: string | undefined) => c !== undefined && IDENT_CONT.test(c) && !SPACE.test(c);
/** A number: digits with single underscores, a fraction, an exponent only when digits follow it (else the E starts the next token, as in `1E'…'`). */
const NUMBER = /^(?:[0-9]+(?:_[0-9]+)*(?:\.(?![.])(?:[0-9]+(?:_[0-9]+)*)?)?|\.[0-9]+(?:_[0-9]+)*)(?:[eE][+-]?[0-9]+)?/;
/** A dollar-quote delimiter: $$ or $tag$ (a tag starts with a letter or _). */
const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;
/** Between two string literals, whitespace with a line break (and -- comments) makes them one string, as in PostgreSQL. */
const CONTINUATION = /^(?:[ \t\f]|--[^\n\r]*)*(?:\r\n|\n|\r)(?:[ \t\n\r\f]|--[^\n\r]*(?:\r\n|\n|\r))*'/;

/**
 * Split SQL into tokens as DuckDB's lexer does, setting comments aside (nested block comments
 * included); throws on an unterminated string, quoted name or comment.
 */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = sql.length;
  /** A quoted run from just after its opening quote; backslash escapes in E strings. The index after the closing quote. */
  const quoted = (from: number, quote: string, backslash: boolean): [string, number] => {
    let j = from;
    let text = '';
    for (;;) {
      if (j >= n) throw new SyntaxError(quote === "'" ? "a string is not closed (missing ')" : 'a quoted name is not closed (missing ")');
      const c = sql[j];
      if (backslash && c === '\\') {
        if (j + 1 >= n) throw new SyntaxError("a string is not closed (missing ')");
        text += sql[j + 1];
        j += 2;
      } else if (c === quote && sql[j + 1] === quote) {
        text += quote;
        j += 2;
      } else if (c === quote) {
        return [text, j + 1];
      } else {
        text += c;
        j++;
      }
    }
  };
  while (i < n) {
    const c = sql[i];
    const start = i;
    if (isSpace(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n' && sql[i] !== '\r') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      let depth = 0;
      do {
        if (i >= n) throw new SyntaxError('a /* comment is not closed');
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      } while (depth > 0);
    } else if (c === "'" || (/[eEbBxX]/.test(c) && sql[i + 1] === "'")) {
      // A string, or one with a prefix (E, B, X) starting a token; E'…' takes backslash escapes.
      const backslash = c === 'e' || c === 'E';
      let [text, end] = quoted(i + (c === "'" ? 1 : 2), "'", backslash);
      for (let more = CONTINUATION.exec(sql.slice(end)); more; more = CONTINUATION.exec(sql.slice(end))) {
        const [rest, after] = quoted(end + more[0].length, "'", backslash);
        text += rest;
        end = after;
      }
      tokens.push({ kind: 'string', text, start });
      i = end;
    } else if (c === '"') {
      const [text, end] = quoted(i + 1, '"', false);
      tokens.push({ kind: 'quoted', text, start });
      i = end;
    } else if (c === '$' && DOLLAR_TAG.test(sql.slice(i, i + 200))) {
      const tag = DOLLAR_TAG.exec(sql.slice(i, i + 200))![0];
      const end = sql.indexOf(tag, i + tag.length);
      if (end < 0) throw new SyntaxError(`a ${tag} string is not closed`);
      tokens.push({ kind: 'string', text: sql.slice(i + tag.length, end), start });
      i = end + tag.length;
    } else if (c === '$' && /[0-9]/.test(sql[i + 1] ?? '')) {
      let j = i + 1;
      while (j < n && /[0-9]/.test(sql[j])) j++;
      tokens.push({ kind: 'param', text: sql.slice(i, j), start });
      i = j;
    } else if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentCont(sql[j])) j++;
      tokens.push({ kind: 'word', text: sql.slice(i, j), start });
      i = j;
    } else if (NUMBER.test(sql.slice(i, i + 400))) {
      const text = NUMBER.exec(sql.slice(i, i + 400))![0];
      tokens.push({ kind: 'number', text, start });
      i += text.length;
    } else {
      tokens.push({ kind: 'symbol', text: c, start });
      i++;
    }
  }
  return tokens;
}

const refuse = (reason: string): GuardResult => ({ ok: false, reason });

/** Whether the text is one read-only statement the SQL cell may run; the reason when it is not. */
export function guardSql(text: string): GuardResult {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (e) {
    return refuse(`The query could not be read: ${(e as Error).message}.`);
  }
  const isSymbol = (t: Token | undefined, text: string) => t?.kind === 'symbol' && t.text === text;
  let end = text.length;
  while (tokens.length && isSymbol(tokens[tokens.length - 1], ';')) end = tokens.pop()!.start;
  if (tokens.length === 0) return refuse('There is no query to run: type a SELECT statement.');
  if (tokens.some((t) => isSymbol(t, ';'))) {
    return refuse('Only one statement can run at a time: remove the ";" between statements (a single trailing ";" is fine).');
  }
  const first = tokens[0].text.toUpperCase();
  if (first in WRITES) return refuse(`${first} is refused: this cell is read-only, and ${first} ${WRITES[first]}. Only SELECT, WITH, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, PIVOT, UNPIVOT and listing PRAGMAs run here.`);
  if (!READ_STARTS.has(first)) return refuse(`"${tokens[0].text}" does not start a read query. Only SELECT, WITH, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, PIVOT, UNPIVOT and listing PRAGMAs run here.`);
  if (first === 'PRAGMA') {
    const name = tokens[1]?.text.toLowerCase() ?? '';
    if (!READ_PRAGMAS.has(name) || tokens.some((t) => isSymbol(t, '='))) {
      return refuse(`PRAGMA ${name || '(empty)'} is refused: only PRAGMAs that list things run here (${[...READ_PRAGMAS].slice(0, 4).join(', ')}, …); the others change settings.`);
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const next = tokens[k + 1];
    const before = tokens[k - 1];
    const prev = before && (before.kind === 'word' || before.kind === 'symbol') ? before.text.toUpperCase() : undefined;
    if (t.kind === 'word' && k > 0) {
      const upper = t.text.toUpperCase();
      // A write keyword anywhere after the first word; as a column name it must be quoted.
      if (WRITES_ANYWHERE.has(upper) && prev !== '.') {
        return refuse(`${upper} is refused: this cell is read-only, and ${upper} ${WRITES[upper] ?? 'changes settings'}. (A column with that name can be written in double quotes.)`);
      }
    }
    if ((t.kind === 'word' || t.kind === 'quoted') && next?.text === '(') {
      if (FILE_FUNCTIONS.test(t.text)) return refuse(`${t.text}() is refused: it reads files, URLs or other SQL, and this cell only reads the tables already loaded in your browser.`);
      if (STATE_FUNCTIONS.test(t.text)) return refuse(`${t.text}() is refused: it changes the engine's settings or state, and this cell is read-only.`);
    }
    if (t.kind === 'string' && URL_SCHEME.test(t.text.trim())) return refuse(`'${t.text}' is refused: this cell never reaches the network.`);
    // In table position a string, or a quoted name that looks like a path, is a file for DuckDB.
    if ((t.kind === 'string' || t.kind === 'quoted') && prev && TABLE_POSITION.has(prev)) {
      const name = t.text.trim();
      // After a comma it may as well be a column: only a name with a file's extension is refused there.
      const fileLike = FILE_LIKE.test(name) || (prev !== ',' && /[/\\:*?]/.test(name));
      if ((t.kind === 'string' && prev !== ',') || fileLike) {
        const shown = t.kind === 'string' ? `'${t.text}'` : `"${t.text}"`;
        return refuse(`${shown} is refused: a quoted name after ${prev} reads a file, and this cell only reads the tables already loaded in your browser.`);
      }
    }
  }
  return { ok: true, sql: text.slice(0, end).trim() };
}
