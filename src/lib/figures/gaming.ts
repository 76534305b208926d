/**
 * "Trust and gaming": the yoga teacher buys followers. Her reach score and rank climb; the
 * purchases her post would bring do not, because bought followers never buy.
 */
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { count, fixed, percent } from '../format.ts';
import { WEIGHTS, type FigureDef } from './figureDef.ts';
import { climbChart } from '../charts/climb.ts';

export interface GamingModel {
  bought: number;
  handle: string;
  followers: number;
  before: { score: number; rank: number };
  after: { score: number; rank: number };
  expected: number;
  /**
   * Share of followers that look genuine in a fake-follower audit (influencers.audit_fake_share),
   * before, and after the purchase dilutes them (the bought followers counted as fake).
   */
  genuine: { before: number; after: number };
  /** Every account's score after the purchase (the crowd she climbs through). */
  scores: Float64Array;
  accounts: number;
}

/** The target account's climb; throws when the frame has no target account (the query always marks one). */
export function gamingModel([frame]: Frame[], bought: number): GamingModel {
  const target = frame.columns.is_target as ArrayLike<boolean> | undefined;
  if (!target) throw new Error('no column is_target');
  const i = Array.prototype.findIndex.call(target, (t: boolean) => t === true);
  if (i < 0) throw new RangeError('no target account among the rows');
  const num = (c: string) => numbers(frame, c)[i];
  return {
    bought,
    handle: String(frame.columns.handle[i]),
    followers: num('followers'),
    before: { score: num('score_before'), rank: num('rank_before') },
    after: { score: num('score_after'), rank: num('rank_after') },
    expected: num('expected_conversions'),
    genuine: {
      before: 1 - num('audit_fake_share'),
      after: (num('followers') * (1 - num('audit_fake_share'))) / (num('followers') + bought),
    },
    scores: numbers(frame, 'score_after'),
    accounts: frame.length,
  };
}

export function gamingLive(m: GamingModel): Record<string, string> {
  return {
    'gaming.handle': `@${m.handle}`,
    'gaming.bought': count(m.bought),
    'gaming.followers': count(m.followers),
    'gaming.scoreBefore': fixed(m.before.score, 0),
    'gaming.scoreAfter': fixed(m.after.score, 0),
    'gaming.rankBefore': count(m.before.rank),
    'gaming.rankAfter': count(m.after.rank),
    'gaming.accounts': count(m.accounts),
    'gaming.expected': fixed(m.expected, 1),
    'gaming.genuineBefore': percent(m.genuine.before),
    'gaming.genuineAfter': percent(m.genuine.after),
  };
}

/** The figure's definition (see figureDef.ts). */
export const gamingFigure: FigureDef<GamingModel> = {
  title: 'The yoga teacher buys followers',
  queries: ['bought_followers'],
  params: ['bought'],
  uses: WEIGHTS,
  model: (frames, p) => gamingModel(frames, Number(p.bought)),
  live: gamingLive,
  chart: (m, o) => climbChart(m, o),
  summary: (m) => ({
    head: ['', 'Reach score', 'Rank', 'Expected purchases per post'],
    rows: [
      ['Before', fixed(m.before.score, 0), count(m.before.rank), fixed(m.expected, 1)],
      [`After buying ${count(m.bought)}`, fixed(m.after.score, 0), count(m.after.rank), fixed(m.expected, 1)],
    ],
  }),
};
