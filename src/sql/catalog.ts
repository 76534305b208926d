/**
 * Every query the pages run, by name: the same text at build time (DuckDB on Node, to
 * pre-render) and in the browser (DuckDB-WASM). Macros are installed once per engine.
 */
import reachTermsMacro from './macros/reach_terms.sql?raw';
import reachScaleMacro from './macros/reach_scale.sql?raw';
import reachScoreMacro from './macros/reach_score.sql?raw';
import kredScoreMacro from './macros/kred_score.sql?raw';
import peerIndexScoreMacro from './macros/peerindex_score.sql?raw';
import scoreByAccount from './score_by_account.sql?raw';
import placementScores from './placement_scores.sql?raw';
import brandOffers from './brand_offers.sql?raw';
import audienceTopics from './audience_topics.sql?raw';
import topicTree from './topic_tree.sql?raw';
import topicMentions from './topic_mentions.sql?raw';
import boughtFollowers from './bought_followers.sql?raw';
import placementOutcomes from './placement_outcomes.sql?raw';
import brandGoals from './brand_goals.sql?raw';
import scoreSellRows from './score_sell_rows.sql?raw';
import placementExpected from './placement_expected.sql?raw';
import accountScores from './account_scores.sql?raw';
import exploreAccounts from './explore/accounts.sql?raw';
import exploreOptions from './explore/options.sql?raw';

/** The macros the queries call, by name (the reach score's terms and scale first: reach_score reads the one and calls the other). */
export const MACROS = { reach_terms: reachTermsMacro, reach_scale: reachScaleMacro, reach_score: reachScoreMacro, kred_score: kredScoreMacro, peerindex_score: peerIndexScoreMacro } as const;

/**
 * What no control changes, computed once per engine by its macro into a table the queries read:
 * the reach score's terms (reach_score's input) and the two scores without weights. A table, not a
 * temporary one: the SQL cell's statements run on connections of their own, which see no other
 * connection's temporary tables (the build's read-only world file makes them temporary: world.ts).
 */
export const MACRO_TABLES = { account_terms: 'reach_terms', kred_scores: 'kred_score', peerindex_scores: 'peerindex_score' } as const satisfies Record<string, keyof typeof MACROS>;

export type MacroTable = keyof typeof MACRO_TABLES;

/** The table a macro makes, if it makes one. */
export const tableMadeBy = (macro: string): MacroTable | undefined => (Object.keys(MACRO_TABLES) as MacroTable[]).find((t) => MACRO_TABLES[t] === macro);

/** The statement that makes a macro's table. */
export const macroTableSql = (table: MacroTable): string => `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${MACRO_TABLES[table]}()`;

/** Statements every engine runs once after loading the tables: the macros, then their tables. */
export const SETUP_SQL: string[] = [...Object.values(MACROS), ...(Object.keys(MACRO_TABLES) as MacroTable[]).map(macroTableSql)];

/** The macros a query text relies on, directly, through a macro's table or through another macro (in MACROS order). */
export function macrosUsedBy(text: string): (keyof typeof MACROS)[] {
  const names = Object.keys(MACROS) as (keyof typeof MACROS)[];
  const named = (t: string) => names.filter((m) => t.includes(`${m}(`) || Object.entries(MACRO_TABLES).some(([table, macro]) => macro === m && new RegExp(`\\b${table}\\b`).test(t)));
  const used = new Set(named(text));
  for (const m of used) for (const inner of named(MACROS[m])) used.add(inner);
  return names.filter((m) => used.has(m));
}

export const QUERIES = {
  score_by_account: scoreByAccount,
  placement_scores: placementScores,
  brand_offers: brandOffers,
  audience_topics: audienceTopics,
  topic_tree: topicTree,
  topic_mentions: topicMentions,
  bought_followers: boughtFollowers,
  placement_outcomes: placementOutcomes,
  brand_goals: brandGoals,
  score_sell_rows: scoreSellRows,
  placement_expected: placementExpected,
  account_scores: accountScores,
  explore_accounts: exploreAccounts,
  explore_options: exploreOptions,
} as const;

export type QueryName = keyof typeof QUERIES;
