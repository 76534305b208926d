/**
 * The read-only SQL cell's guard: one read statement (SELECT, WITH, FROM-first, VALUES, TABLE,
 * DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, or a PRAGMA that only lists), with no writes and nothing that
 * reads files or the network. It reads the text as tokens (comments and string literals set
 * aside), so a keyword inside a string or a comment is not mistaken for a command. It is a guard in
 * front of a separate connection, not a sandbox: the page's CSP stops any request off the origin.
 */

export type GuardResult = { ok: true; sql: string } | { ok: false; reason: string };

interface Token {
  kind: 'word' | 'string' | 'quoted' | 'symbol' | 'number';
  text: string;
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

const READ_STARTS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'DESC', 'SUMMARIZE', 'SHOW', 'EXPLAIN', 'PRAGMA', '(']);

/** PRAGMAs that only list things (the others change settings). */
const READ_PRAGMAS = new Set(['table_info', 'show_tables', 'show_tables_expanded', 'show', 'database_list', 'database_size', 'functions', 'collations', 'version', 'platform', 'storage_info', 'metadata_info', 'user_agent']);

/** Table and scalar functions that read files, URLs or arbitrary SQL text. */
const FILE_FUNCTIONS = /^(read_csv(_auto)?|read_tsv|sniff_csv|read_parquet|parquet_(scan|metadata|schema|file_metadata|kv_metadata|bloom_probe)|read_json(_auto|_objects(_auto)?)?|read_ndjson(_auto|_objects)?|json_execute_serialized_sql|glob|read_text|read_blob|read_xlsx|st_read|iceberg_scan|iceberg_metadata|iceberg_snapshots|delta_scan|sqlite_scan|sqlite_attach|postgres_scan|postgres_query|postgres_attach|mysql_scan|mysql_query|query|query_table|getenv|load_extension|install_extension|httpfs.*|http_get|http_post|duckdb_secrets|which_secret|arrow_scan|csv_scan|read_duckdb)$/i;

const URL_SCHEME = /^(https?|s3a?|s3n|gcs|gs|r2|az|azure|abfss?|hf|file|ftp|http):\/\//i;
const FILE_LIKE = /\.(csv|tsv|txt|parquet|json|jsonl|ndjson|arrow|feather|duckdb|db|sqlite|xlsx|gz|zst|zip)$/i;

/** Split SQL into tokens, setting comments aside; throws on an unterminated string or comment. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n' && sql[i] !== '\r') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) throw new SyntaxError('a /* comment is not closed');
      i = end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= n) throw new SyntaxError(c === "'" ? 'a string is not closed (missing \')' : 'a quoted name is not closed (missing ")');
        if (sql[j] === c) {
          if (sql[j + 1] === c) {
            text += c;
            j += 2;
            continue;
          }
          break;
        }
        text += sql[j++];
      }
      // E'…' escape strings: the E was read as a word just before; fold it into the string.
      if (c === "'" && tokens.length && /^[eE]$/.test(tokens[tokens.length - 1].text) && sql[i - 1] !== ' ') tokens.pop();
      tokens.push({ kind: c === "'" ? 'string' : 'quoted', text });
      i = j + 1;
    } else if (c === '$' && /[A-Za-z_$]/.test(sql[i + 1] ?? '') && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      if (end < 0) throw new SyntaxError(`a ${tag} string is not closed`);
      tokens.push({ kind: 'string', text: sql.slice(i + tag.length, end) });
      i = end + tag.length;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[j])) j++;
      tokens.push({ kind: 'word', text: sql.slice(i, j) });
      i = j;
    } else if (/[0-9.]/.test(c)) {
      let j = i + 1;
      while (j < n && /[0-9.eE_]/.test(sql[j])) j++;
      tokens.push({ kind: 'number', text: sql.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: 'symbol', text: c });
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
  while (tokens.length && tokens[tokens.length - 1].text === ';') tokens.pop();
  if (tokens.length === 0) return refuse('There is no query to run: type a SELECT statement.');
  if (tokens.some((t) => t.kind === 'symbol' && t.text === ';')) {
    return refuse('Only one statement can run at a time: remove the ";" between statements (a single trailing ";" is fine).');
  }
  const first = tokens[0].text.toUpperCase();
  if (first in WRITES) return refuse(`${first} is refused: this cell is read-only, and ${first} ${WRITES[first]}. Only SELECT, WITH, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN and listing PRAGMAs run here.`);
  if (!READ_STARTS.has(first)) return refuse(`"${tokens[0].text}" does not start a read query. Only SELECT, WITH, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN and listing PRAGMAs run here.`);
  if (first === 'PRAGMA') {
    const name = tokens[1]?.text.toLowerCase() ?? '';
    if (!READ_PRAGMAS.has(name) || tokens.some((t) => t.text === '=')) {
      return refuse(`PRAGMA ${name || '(empty)'} is refused: only PRAGMAs that list things run here (${[...READ_PRAGMAS].slice(0, 4).join(', ')}, …); the others change settings.`);
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const next = tokens[k + 1];
    if (t.kind === 'word' && k > 0) {
      const upper = t.text.toUpperCase();
      // A write keyword anywhere after the first word; as a column name it must be quoted.
      if (WRITES_ANYWHERE.has(upper) && tokens[k - 1].text !== '.' && !(upper === 'PRAGMA' && k === 0)) {
        return refuse(`${upper} is refused: this cell is read-only, and ${upper} ${WRITES[upper] ?? 'changes settings'}. (A column with that name can be written in double quotes.)`);
      }
    }
    if (t.kind === 'word' || t.kind === 'quoted') {
      if (next?.text === '(' && FILE_FUNCTIONS.test(t.text)) {
        return refuse(`${t.text}() is refused: it reads files, URLs or other SQL, and this cell only reads the tables already loaded in your browser.`);
      }
    }
    if (t.kind === 'string') {
      const prev = tokens[k - 1]?.text.toUpperCase();
      if (URL_SCHEME.test(t.text.trim())) return refuse(`'${t.text}' is refused: this cell never reaches the network.`);
      if (prev && ['FROM', 'JOIN', 'DESCRIBE', 'DESC', 'SUMMARIZE', 'TABLE', ','].includes(prev) && (FILE_LIKE.test(t.text.trim()) || prev !== ',')) {
        return refuse(`'${t.text}' is refused: a quoted name after ${prev} reads a file, and this cell only reads the tables already loaded in your browser.`);
      }
    }
  }
  return { ok: true, sql: text.trim().replace(/;+\s*$/, '') };
}
