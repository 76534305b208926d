/**
 * The statements that make a DuckDB engine read-only by itself, run once its data and macros are
 * loaded (every file and URL read, `COPY … TO`, `EXPORT`, `ATTACH` of a file, `LOAD` and `SET` are
 * refused after them; `insertArrowFromIPCStream`, tables and macros still work, so later data goes
 * in as Arrow). The order matters: `enable_external_access` is database-wide and also blocks
 * reading registered files, and nothing can be set once the configuration is locked, so the memory
 * limit comes first.
 */

/**
 * What DuckDB may allocate through its buffer manager: a query that needs more gets DuckDB's own
 * "out of memory" error instead of growing the WebAssembly memory (at most 4 GiB, and never given
 * back) until the worker dies. The default world takes a few MB, the large one about 100 MB.
 */
export const MEMORY_LIMIT = '1GiB';

/** No extension is loaded or installed on demand (a query naming one fails instead): set first, before any of the engine's own statements. */
export const NO_AUTOLOAD_SQL = 'SET autoload_known_extensions = false; SET autoinstall_known_extensions = false';

export const LOCK_SQL: readonly string[] = [
  `SET memory_limit = '${MEMORY_LIMIT}'`,
  'SET enable_external_access = false',
  'SET lock_configuration = true',
];

/**
 * The engine-wide settings, as one text: the SQL cell compares them after every statement with
 * their value at the lock. A few functions change a setting without `SET` (`enable_logging()` on
 * DuckDB 1.4); the guard refuses those it knows, and a change found here restarts the engine.
 */
export const GLOBAL_SETTINGS_SQL = "SELECT string_agg(name || '=' || coalesce(value, ''), ';' ORDER BY name) AS settings FROM duckdb_settings() WHERE scope = 'GLOBAL'";
