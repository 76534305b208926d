/**
 * Every query the pages run, by name: the same text at build time (DuckDB on Node, to
 * pre-render) and in the browser (DuckDB-WASM). Macros are installed once per engine.
 */
import reachScoreMacro from './macros/reach_score.sql?raw';
import scoreByAccount from './score_by_account.sql?raw';
import scoreVsConversions from './score_vs_conversions.sql?raw';
import exploreAccounts from './explore/accounts.sql?raw';
import exploreOptions from './explore/options.sql?raw';

/** Statements every engine runs once after loading the tables. */
export const SETUP_SQL: string[] = [reachScoreMacro];

export const QUERIES = {
  score_by_account: scoreByAccount,
  score_vs_conversions: scoreVsConversions,
  explore_accounts: exploreAccounts,
  explore_options: exploreOptions,
} as const;

export type QueryName = keyof typeof QUERIES;
