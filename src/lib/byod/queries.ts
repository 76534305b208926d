/**
 * The SQL the "Your data" page runs on a user's table, in the order it runs: the statements that
 * derive the analysed tables from `byod_rows` (per account or row by row, the macro's view, its
 * terms, the scores, the topic matches and relevance), then the judging queries. Each text lives once, in
 * src/sql/byod/ (and the reach-score macro in src/sql/macros/); here they are only named, given
 * their parameters and, for a derived table, the `CREATE … AS` that keeps the result.
 */
import uniformSql from '../../sql/byod/uniform.sql?raw';
import perAccountSql from '../../sql/byod/per_account.sql?raw';
import rowsSql from '../../sql/byod/rows.sql?raw';
import featuresSql from '../../sql/byod/features.sql?raw';
import termsSql from '../../sql/byod/terms.sql?raw';
import scoresSql from '../../sql/byod/scores.sql?raw';
import ontologySql from '../../sql/byod/ontology.sql?raw';
import topicMatchSql from '../../sql/byod/topic_match.sql?raw';
import relevanceSql from '../../sql/byod/relevance.sql?raw';
import judgedSql from '../../sql/byod/judged.sql?raw';
import rhoSql from '../../sql/byod/rho.sql?raw';
import gainSql from '../../sql/byod/gain.sql?raw';
import decilesSql from '../../sql/byod/deciles.sql?raw';
import budgetSql from '../../sql/byod/budget.sql?raw';
import matchesSql from '../../sql/byod/matches.sql?raw';
import summarySql from '../../sql/byod/summary.sql?raw';
import scoredRowsSql from '../../sql/byod/scored_rows.sql?raw';
import joinSql from '../../sql/byod/join.sql?raw';
import joinCountsSql from '../../sql/byod/join_counts.sql?raw';
import joinedRowsSql from '../../sql/byod/joined_rows.sql?raw';
import { bindSql, type Param, type Params } from '../../sql/bind.ts';
import { MACROS, macrosUsedBy } from '../../sql/catalog.ts';
import { BOOTSTRAP_LIMIT } from '../stats/spearmanInterval.ts';

export const BYOD_SQL = {
  uniform: uniformSql,
  per_account: perAccountSql,
  rows: rowsSql,
  features: featuresSql,
  terms: termsSql,
  scores: scoresSql,
  ontology: ontologySql,
  topic_match: topicMatchSql,
  relevance: relevanceSql,
  judged: judgedSql,
  rho: rhoSql,
  gain: gainSql,
  deciles: decilesSql,
  budget: budgetSql,
  matches: matchesSql,
  summary: summarySql,
  scored_rows: scoredRowsSql,
  join: joinSql,
  join_counts: joinCountsSql,
  joined_rows: joinedRowsSql,
} as const;

/** The reach-score macros the scores call, by file, installed when the engine started (shown with them). */
export const REACH_SCORE_MACROS = macrosUsedBy(BYOD_SQL.scores).map((m) => ({ file: `macros/${m}.sql`, text: MACROS[m].trim() }));
export type ByodQuery = keyof typeof BYOD_SQL;

/** One statement as it runs: its file, the text that ran (with `$name` placeholders), its parameters. */
export interface Statement {
  name: ByodQuery;
  /** The table or view the statement (re)creates, if it keeps its result. */
  creates?: string;
  text: string;
  params: Params;
  /** Which part of its query this run is, when the page runs a query in parts (the random orders of the budget test). */
  part?: string;
}

/** The text and positional values an engine runs for a statement. */
export const bound = (s: Statement): { sql: string; values: Param[] } => bindSql(s.text, s.params);

const keep = (name: ByodQuery, creates: string, kind: 'TABLE' | 'VIEW', params: Params = {}): Statement => ({
  name,
  creates,
  text: `CREATE OR REPLACE ${kind} ${creates} AS\n${BYOD_SQL[name].trim()}`,
  params,
});
const ask = (name: ByodQuery, params: Params): Statement => ({ name, text: BYOD_SQL[name].trim(), params });

/** The report's default weights (src/lib/state/params.ts); a component the file lacks weighs 0. */
export const SCORE_WEIGHTS = { followers: 1, reactions: 0.5, reactors: 0.5 } as const;
/** With at least this many scored accounts, a file's scores are anchored on the file itself. */
export const OWN_ANCHORS_FROM = 200;

export interface ScoreWeights {
  w_followers: number;
  w_reactions: number;
  w_reactors: number;
}

/** The weights the page scores a file with: followers always; reactions per post only when the file has engagement; selective reactions never (no file says who reacted). */
export const weightsFor = (hasEngagement: boolean): ScoreWeights => ({
  w_followers: SCORE_WEIGHTS.followers,
  w_reactions: hasEngagement ? SCORE_WEIGHTS.reactions : 0,
  w_reactors: 0,
});

/** Brand topic words (splitTopics' output) as the one text parameter the topic queries split on ';'. */
export const brandParam = (words: readonly string[]): string => words.join(';');

/**
 * The statements that turn a freshly loaded `byod_rows` into the analysed tables: byod_accounts
 * (per account when `perAccount`, else row by row), the macro's view byod_features, its terms byod_terms, byod_scores,
 * then the topic tables (topicStatements) and the view byod_judged the judging queries read.
 */
export function setupStatements({ perAccount, hasEngagement, brandTopics }: { perAccount: boolean; hasEngagement: boolean; brandTopics: readonly string[] }): Statement[] {
  return [
    { name: 'uniform', text: BYOD_SQL.uniform.trim(), params: {} },
    keep(perAccount ? 'per_account' : 'rows', 'byod_accounts', 'TABLE'),
    keep('features', 'byod_features', 'VIEW'),
    keep('terms', 'byod_terms', 'TABLE'),
    keep('scores', 'byod_scores', 'TABLE', { ...weightsFor(hasEngagement), min_accounts: OWN_ANCHORS_FROM }),
    ...topicStatements(brandTopics),
    keep('judged', 'byod_judged', 'VIEW'),
  ];
}

/** The table the page loads Klout's whole ontology as (ontology.sql stands the world's topics in for it until then). */
export const ONTOLOGY_TABLE = 'klout_ontology';

/** The statements that (re)match topic words to Klout's topics and compute each account's relevance to the brand's topics (no rows without them). */
export const topicStatements = (brandTopics: readonly string[]): Statement[] => [
  { name: 'ontology', creates: ONTOLOGY_TABLE, text: BYOD_SQL.ontology.trim(), params: {} },
  keep('topic_match', 'byod_topic_match', 'TABLE', { brand_topics: brandParam(brandTopics) }),
  keep('relevance', 'byod_relevance', 'TABLE'),
];

export interface JudgingOptions {
  /** Share of the file's spend the budget test gets (0.25: a quarter). */
  budgetShare?: number;
  /** Gross margin of revenue (0–1) for ROI; null: no ROI. */
  margin?: number | null;
  seed?: number;
  /** The share of accounts the capture figure is taken at. */
  share?: number;
  /**
   * The first, quick pass: rho without its bootstrap and the budget test without its random
   * orders (the point estimates the page shows at once; the resampling follows).
   */
  quick?: boolean;
  /** The budget test's random orders alone (the second pass). */
  randomOnly?: boolean;
}

/** The judging queries, with their parameters. */
export function judgingQueries({ budgetShare = 0.25, margin = null, seed = 1, share = 0.2, quick = false, randomOnly = false }: JudgingOptions = {}): Record<'rho' | 'gain' | 'deciles' | 'budget', Statement> {
  return {
    rho: ask('rho', { seed, samples: quick ? 0 : 1000, draws: 1_000_000, bootstrap_limit: BOOTSTRAP_LIMIT }),
    gain: ask('gain', { points: 400, share }),
    deciles: ask('deciles', {}),
    budget: ask('budget', { budget_share: budgetShare, deterministic: !randomOnly, seed, runs: quick ? 0 : 200, random_rows: 200_000, margin }),
  };
}

/** The two files' sides as tables, each with its key column (toArrow.ts's sideTable). */
export const JOIN_SIDES = ['byod_first', 'byod_second'] as const;

/**
 * The two-file join in the engine: join.sql's rows kept as byod_join (from the sides byod_first and
 * byod_second), its counts, and the joined rows as byod_rows (run with the setup, in its transaction).
 */
export const joinStatements = (): Record<'join' | 'counts' | 'rows', Statement> => ({
  join: keep('join', 'byod_join', 'TABLE'),
  counts: ask('join_counts', {}),
  rows: keep('joined_rows', 'byod_rows', 'TABLE'),
});

/** A statement of a query file with no parameters. */
export const plainQuery = (name: ByodQuery): Statement => ask(name, {});
