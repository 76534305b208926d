/**
 * The page's analysis of a user's file, in the engine: the prepared columns go in as Arrow IPC of
 * `byod_rows` (through the coordinator, all or nothing), the setup statements derive the analysed
 * tables, and the judging queries (src/sql/byod/) give the numbers the page shows. Every statement
 * that ran is kept, with its parameters, for "Show SQL".
 */
import { loadExtraTable, loadUserData, queryStoppable, queryText } from '../db/coordinator.ts';
import { rows as rowsOf, type Frame } from '../data/frame.ts';
import { blanksOf, type Prepared, type PreparedSide } from './prepare.ts';
import { preparedToIpc, sideToIpc, BYOD_TABLE } from './toArrow.ts';
import { bound, joinStatements, JOIN_SIDES, judgingQueries, ONTOLOGY_TABLE, plainQuery, setupStatements, topicStatements, weightsFor, type ScoreWeights, type Statement } from './queries.ts';
import { ByodError } from './errors.ts';
import type { GainInput } from './gainChart.ts';

const num = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));

export interface Rho {
  estimate: number;
  lo: number;
  hi: number;
  /** 'bootstrap' (with `samples` resamples) or 'fisher'. */
  method: string;
  samples: number;
  n: number;
}

export interface Walk {
  walk: 'reach' | 'reach_per_dollar' | 'fit' | 'oracle' | 'random';
  runs: number;
  spent: number;
  bought: number;
  conversions: number;
  revenue: number;
  roas: number;
  roi: number;
  /** Random orders only: the spread of their conversions. */
  sd: number;
  lo: number;
  hi: number;
}

export interface Decile {
  decile: number;
  accounts: number;
  reachMin: number;
  reachMax: number;
  cost: number;
  conversions: number;
  costPerConversion: number;
  roas: number;
}

export interface TopicMatch {
  word: string;
  brand: boolean;
  inFile: boolean;
  kloutTopic: string | null;
  matchedBy: string | null;
}

export interface Judged extends GainInput {
  /** Accounts analysed (rows of byod_accounts) and those with reach and conversions. */
  accounts: number;
  used: number;
  allZero: boolean;
  rho: Rho;
  relevance?: { rho: Rho; brandTopics: string[] };
  weights: ScoreWeights;
  anchoredOn: string;
  /** Accounts of the simulated world, whose anchors a small file gets. */
  worldAccounts: number;
  budget?: { budget: number; walks: Walk[] };
  deciles: Decile[];
  matches: TopicMatch[];
  /** The statements that ran, in order (setup, then judging), with their parameters. */
  log: Statement[];
  /** False after the quick pass (no bootstrap interval, no random orders yet), true once resample() ran. */
  complete: boolean;
}

export interface JudgeInput {
  /** The prepared rows to load; null keeps the loaded table and only re-derives (new brand topics). */
  rows: Prepared | null;
  /** byod_rows of those rows as Arrow IPC, when the parsing worker made it (else it is made here). */
  ipc?: Uint8Array;
  perAccount: boolean;
  hasEngagement: boolean;
  /** Brand topic words (splitTopics' output). */
  brandTopics: string[];
  margin: number | null;
  /** Stops the load and the queries while they run (the reader's Cancel, or a newer load): judge then rejects with its reason, and the tables are as before if the load had not finished. */
  signal?: AbortSignal;
  /** Called once the rows and the tables derived from them are in the engine (before the judging queries). */
  loaded?: () => void;
  /** The rows are the join the engine holds (byod_join, made by joinInEngine for these same rows): byod_rows is made from it in SQL, not from `ipc`. */
  joined?: boolean;
}

/** A query's rows (stopped when `signal` aborts); its time is measured as `byod:NAME` (for the benchmark's stages). */
const query = async (s: Statement, signal?: AbortSignal): Promise<Record<string, unknown>[]> => {
  const { sql, values } = bound(s);
  const start = performance.now();
  const frame = await (signal ? queryStoppable(sql, values, signal) : queryText(sql, values));
  performance.measure(`byod:${s.name}${s.part ? `:${s.part.split(' ')[0]}` : ''}`, { start });
  return rowsOf(frame);
};

const walkOf = (b: Record<string, unknown>): Walk => ({
  walk: b.walk as Walk['walk'],
  runs: num(b.runs),
  spent: num(b.spent),
  bought: num(b.bought),
  conversions: num(b.conversions),
  revenue: num(b.revenue),
  roas: num(b.roas),
  roi: num(b.roi),
  sd: num(b.conversions_sd),
  lo: num(b.conversions_lo),
  hi: num(b.conversions_hi),
});

const rhoOf = (r: Record<string, unknown> | undefined): Rho =>
  r ? { estimate: num(r.rho), lo: num(r.lo), hi: num(r.hi), method: String(r.method), samples: num(r.samples), n: num(r.n) } : { estimate: NaN, lo: NaN, hi: NaN, method: 'none', samples: 0, n: 0 };

/** Load (or re-derive) and judge a user's rows in the page's engine; throws what the engine throws, with the earlier data left as it was. */
export async function judge(input: JudgeInput): Promise<Judged> {
  // The log shows the whole setup the tables now stand on, also when only the topics were redone.
  const setup = setupStatements(input);
  const derive = input.rows ? setup : topicStatements(input.brandTopics);
  const { signal } = input;
  // A file with topics is matched to Klout's whole ontology, fetched then (once): a file without topics never asks for it.
  if (input.rows?.topics) {
    const fetching = performance.now();
    await loadExtraTable('ontology', ONTOLOGY_TABLE);
    performance.measure('byod:ontology', { start: fetching });
    signal?.throwIfAborted();
  }
  const start = performance.now();
  const join = input.rows && input.joined ? joinStatements() : null;
  const table = input.rows && !join ? { name: BYOD_TABLE, ipc: input.ipc ?? preparedToIpc(input.rows) } : null;
  await loadUserData(table, (join ? [join.rows, ...derive] : derive).map(bound), signal);
  performance.measure('byod:load', { start });
  input.loaded?.();
  const q = judgingQueries({ margin: input.margin, quick: true });
  const [rho, gain, deciles, budget, matches, summary] = await Promise.all([
    query(q.rho, signal),
    query(q.gain, signal),
    query(q.deciles, signal),
    query(q.budget, signal),
    query(MATCHES, signal),
    query(SUMMARY, signal),
  ]);
  const { rho: rhoReach, relevance } = rhos(rho, input.brandTopics);
  const curve = (name: 'reach' | 'oracle' | 'relevance') => gain.filter((g) => g.ranking === name);
  const curves: Judged['curves'] = [
    { name: 'oracle', points: curve('oracle').map((g) => ({ share: num(g.share), gain: num(g.gain) })) },
    { name: 'reach', points: curve('reach').map((g) => ({ share: num(g.share), gain: num(g.gain) })) },
    { name: 'random', points: [{ share: 0, gain: 0 }, { share: 1, gain: 1 }] },
  ];
  if (relevance) curves.push({ name: 'relevance', points: curve('relevance').map((g) => ({ share: num(g.share), gain: num(g.gain) })) });
  const share = num(q.gain.params.share);
  const capture = { reach: num(curve('reach')[0]?.capture), oracle: num(curve('oracle')[0]?.capture), ...(relevance ? { relevance: num(curve('relevance')[0]?.capture) } : {}) };
  const s = summary[0] ?? {};
  return {
    accounts: num(s.accounts),
    used: rhoReach.n,
    allZero: num(s.converting) === 0,
    rho: rhoReach,
    relevance,
    weights: weightsFor(input.hasEngagement),
    anchoredOn: String(s.anchored_on ?? 'the simulated world'),
    worldAccounts: num(s.world_accounts),
    share,
    capture,
    curves,
    budget: budgetOf(budget),
    deciles: deciles.map((d) => ({
      decile: num(d.decile),
      accounts: num(d.accounts),
      reachMin: num(d.reach_min),
      reachMax: num(d.reach_max),
      cost: num(d.cost),
      conversions: num(d.conversions),
      costPerConversion: num(d.cost_per_conversion),
      roas: num(d.roas),
    })),
    matches: matches.map((m) => ({ word: String(m.word), brand: Boolean(m.brand), inFile: Boolean(m.in_file), kloutTopic: (m.klout_topic as string | null) ?? null, matchedBy: (m.matched_by as string | null) ?? null })),
    // (Without ontology.sql: it only stands the world's topics in for klout_ontology when the whole ontology is not loaded, a file without topics.)
    log: [...(input.joined ? joinLog() : []), ...setup.filter((st) => st.name !== 'ontology'), q.rho, q.gain, q.deciles, q.budget],
    complete: false,
  };
}

/** The join's statements as Show SQL lists them, in the order they ran: the join, its counts, the joined rows. */
const joinLog = (): Statement[] => {
  const j = joinStatements();
  return [j.join, j.counts, j.rows];
};

/** What the page tells the reader about a join: matched rows, unmatched rows on each side (with an example key), repeated keys (join_counts.sql). */
export interface JoinCounts {
  matched: number;
  unmatched: [number, number];
  /** A key of each file that found no match (blank when none, or only blank keys). */
  example: [string, string];
  /** Distinct keys of the matched rows that more than one row of each file has. */
  repeated: [number, number];
}

/**
 * Join two files in the engine on their key columns (join.sql): each file's side goes in as Arrow
 * IPC with its key (byod_first, byod_second), the join is kept as byod_join, and its counts come
 * from join_counts.sql. With `rows`, also the joined rows (joined_rows.sql) as prepared columns, for
 * what the page reads of them in TypeScript (the per-post grain, the engagement column) and for
 * judge({ joined: true }), which makes byod_rows from byod_join in SQL. The tables analysed before
 * are untouched. Throws prepare's ByodError when reach or conversions is in neither file.
 */
export async function joinInEngine(sides: [PreparedSide, PreparedSide], file: string, rows: boolean): Promise<{ counts: JoinCounts; prepared: Prepared | null }> {
  const statements = joinStatements();
  const start = performance.now();
  await loadUserData({ name: JOIN_SIDES[0], ipc: sideToIpc(sides[0]) }, []);
  await loadUserData({ name: JOIN_SIDES[1], ipc: sideToIpc(sides[1]) }, [bound(statements.join)]);
  const c = (await query(statements.counts))[0];
  const counts: JoinCounts = {
    matched: num(c.matched),
    unmatched: [num(c.unmatched_first), num(c.unmatched_second)],
    example: [String(c.example_first ?? ''), String(c.example_second ?? '')],
    repeated: [num(c.repeated_first), num(c.repeated_second)],
  };
  performance.measure('byod:join', { start });
  if (!rows) return { counts, prepared: null };
  for (const role of ['reach', 'conversions'] as const) {
    if (!sides[0][role] && !sides[1][role]) throw new ByodError('unmapped', `Choose the column of "${file}" that holds ${role === 'reach' ? 'the reach (followers or audience size)' : 'the conversions (sales, sign-ups)'}: none was recognised by its name.`);
  }
  const frame = await queryText(bound(plainQuery('joined_rows')).sql, []);
  const has = (role: 'handle' | 'engagement' | 'cost' | 'revenue' | 'topics') => Boolean(sides[0][role] || sides[1][role]);
  const col = (name: string) => frame.columns[name];
  const nums = (name: string) => Float64Array.from(col(name) as ArrayLike<unknown>, (v) => (v === null || v === undefined ? NaN : Number(v)));
  const topics = (v: unknown): string[] => (v && typeof v === 'object' && 'toArray' in v ? Array.from((v as { toArray(): ArrayLike<string> }).toArray()) : []);
  const p: Prepared = {
    rows: frame.length,
    handle: has('handle') ? Array.from(col('handle') as ArrayLike<unknown>, (v) => (v ?? '') as string) : null,
    reach: nums('reach'),
    engagement: has('engagement') ? nums('engagement') : null,
    cost: has('cost') ? nums('cost') : null,
    conversions: nums('conversions'),
    revenue: has('revenue') ? nums('revenue') : null,
    topics: has('topics') ? Array.from(col('topics') as ArrayLike<unknown>, topics) : null,
    blanks: {},
  };
  p.blanks = blanksOf(p);
  return { counts, prepared: p };
}

/** Put a file's rows and the tables derived from them back in the engine, judging nothing (its results are still on the page). */
export async function restore(input: Pick<JudgeInput, 'perAccount' | 'hasEngagement' | 'brandTopics'> & { rows: Prepared }): Promise<void> {
  await loadUserData({ name: BYOD_TABLE, ipc: preparedToIpc(input.rows) }, setupStatements(input).map(bound));
}

/**
 * The second pass on the same tables: rho's bootstrap interval and the budget test's random
 * orders (stopped when `signal` aborts). Above the bootstrap's limit the quick pass already gave
 * rho its interval (Fisher's z, the same query with no resample to draw), so rho is not run again.
 */
export async function resample(j: Judged, margin: number | null, signal?: AbortSignal): Promise<Judged> {
  const q = judgingQueries({ margin });
  const random = { ...judgingQueries({ margin, randomOnly: true }).budget, part: 'random orders' };
  const final = j.rho.method === 'fisher' && (!j.relevance || j.relevance.rho.method === 'fisher');
  const [rho, budget] = await Promise.all([final ? null : query(q.rho, signal), j.budget ? query(random, signal) : Promise.resolve([])]);
  const r = rho ? rhos(rho, j.relevance?.brandTopics ?? []) : { rho: j.rho, relevance: j.relevance };
  const walks = [...(j.budget?.walks.filter((w) => w.walk !== 'random') ?? []), ...budget.map(walkOf)];
  const log = j.log.map((s) => (s.name === 'rho' && rho ? q.rho : s)).filter((s) => s.part !== random.part);
  return { ...j, rho: r.rho, relevance: r.relevance, budget: j.budget && { ...j.budget, walks }, log: j.budget ? [...log, random] : log, complete: true };
}

const rhos = (rows: Record<string, unknown>[], brandTopics: string[]) => {
  const relevance = rows.find((r) => r.ranking === 'relevance');
  return { rho: rhoOf(rows.find((r) => r.ranking === 'reach')), relevance: relevance ? { rho: rhoOf(relevance), brandTopics } : undefined };
};

const budgetOf = (rows: Record<string, unknown>[]): Judged['budget'] => {
  const amount = num(rows[0]?.budget);
  return rows.length && amount > 0 ? { budget: amount, walks: rows.map(walkOf) } : undefined;
};

/**
 * Re-run only the budget test (a new margin): the orders first, then the random orders apart
 * (as in the two passes); the walks with their ROI, and the two statements that ran (stopped when `signal` aborts).
 */
export async function rewalk(margin: number | null, signal?: AbortSignal): Promise<{ statements: Statement[]; walks: Walk[] }> {
  const orders = judgingQueries({ margin, quick: true }).budget;
  const random = { ...judgingQueries({ margin, randomOnly: true }).budget, part: 'random orders' };
  const walks = [...(await query(orders, signal)), ...(await query(random, signal))].map(walkOf);
  return { statements: [orders, random], walks };
}

const MATCHES = plainQuery('matches');
const SUMMARY = plainQuery('summary');

/** Every analysed account with its columns, score and ranks, as the downloads hold them. */
export const scoredRows = async (): Promise<Frame> => {
  const { sql, values } = bound(plainQuery('scored_rows'));
  return queryText(sql, values);
};
