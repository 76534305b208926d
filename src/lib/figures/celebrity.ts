/**
 * "The celebrity problem": the pop star against the yoga teacher, for the chosen brand. What
 * one sponsored post costs, how many purchases it is expected to bring (the simulator's hidden
 * truth, so one lucky draw does not decide), and purchases per $1,000 spent. Both accounts are
 * hand-made (their traits are set in the catalog, not drawn), so beside each stands a typical
 * drawn account of the same size: the medians over the drawn accounts nearest to it in followers.
 */
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { PERSONAS } from '../../../data/sim/catalog.ts';
import { quantileSorted } from '../stats/quantile.ts';
import { count, fixed, percent, times, usd } from '../format.ts';
import { compareAmounts } from './verdict.ts';
import { WEIGHTS, type FigureDef } from './figureDef.ts';
import { contendersChart } from '../charts/contenders.ts';

export const CELEBRITY_PERSONAS = ['pop-star', 'yoga-teacher'] as const;

/** Drawn accounts within this factor of a persona's followers count as "the same size"… */
export const SAME_SIZE_FACTOR = 2;
/** …and when fewer than this many are, the nearest this many in log followers stand in. */
export const MIN_TYPICAL = 5;

export interface Contender {
  persona: string;
  handle: string;
  followers: number;
  score: number;
  cost: number;
  expected: number;
  perThousand: number;
  /** Set on a typical drawn account: how many drawn accounts its medians are over, and their range of followers. */
  typical?: { of: string; n: number; lo: number; hi: number };
}

export interface CelebrityModel {
  brand: string;
  contenders: Contender[];
  table: Frame;
}

const median = (v: number[]) => quantileSorted(Float64Array.from(v).sort(), 0.5);

/**
 * The typical drawn account beside a persona of `size` followers: medians of followers, score,
 * fee, expected purchases and purchases per $1,000 over the drawn accounts (those with no persona)
 * within SAME_SIZE_FACTOR of its size, or the MIN_TYPICAL nearest in log followers if fewer.
 */
export function typicalOfSize(
  size: number,
  drawn: { followers: ArrayLike<number>; score: ArrayLike<number>; cost: ArrayLike<number>; expected: ArrayLike<number> },
  of: string,
): Contender | undefined {
  const n = drawn.followers.length;
  const distance = (i: number) => Math.abs(Math.log(drawn.followers[i] / size));
  const all = Array.from({ length: n }, (_, i) => i).filter((i) => drawn.followers[i] > 0 && drawn.cost[i] > 0);
  let pick = all.filter((i) => distance(i) <= Math.log(SAME_SIZE_FACTOR));
  if (pick.length < MIN_TYPICAL) pick = all.sort((a, b) => distance(a) - distance(b) || a - b).slice(0, MIN_TYPICAL);
  if (pick.length === 0) return undefined;
  const col = (v: ArrayLike<number>) => median(pick.map((i) => v[i]));
  const f = pick.map((i) => drawn.followers[i]);
  return {
    persona: '',
    handle: '',
    followers: col(drawn.followers),
    score: col(drawn.score),
    cost: col(drawn.cost),
    expected: col(drawn.expected),
    perThousand: median(pick.map((i) => (drawn.expected[i] / drawn.cost[i]) * 1000)),
    typical: { of, n: pick.length, lo: Math.min(...f), hi: Math.max(...f) },
  };
}

export function celebrityModel([offers]: Frame[]): CelebrityModel {
  const persona = offers.columns.persona as ArrayLike<string>;
  const cost = numbers(offers, 'cost');
  const expected = numbers(offers, 'expected_conversions');
  const followers = numbers(offers, 'followers');
  const score = numbers(offers, 'score');
  const handle = offers.columns.handle as ArrayLike<string>;
  const idx = CELEBRITY_PERSONAS.map((p) => Array.prototype.findIndex.call(persona, (x: string) => x === p)).filter((i) => i >= 0);
  const drawnIdx = Array.from({ length: offers.length }, (_, i) => i).filter((i) => !persona[i]);
  const drawn = {
    followers: drawnIdx.map((i) => followers[i]),
    score: drawnIdx.map((i) => score[i]),
    cost: drawnIdx.map((i) => cost[i]),
    expected: drawnIdx.map((i) => expected[i]),
  };
  const contenders: Contender[] = idx.flatMap((i) => {
    const own: Contender = {
      persona: persona[i],
      handle: handle[i],
      followers: followers[i],
      score: score[i],
      cost: cost[i],
      expected: expected[i],
      perThousand: (expected[i] / cost[i]) * 1000,
    };
    const typical = typicalOfSize(followers[i], drawn, persona[i]);
    return typical ? [own, typical] : [own];
  });
  const table: Frame = {
    names: offers.names,
    columns: Object.fromEntries(offers.names.map((n) => [n, idx.map((i) => offers.columns[n][i])])),
    length: idx.length,
  };
  return { brand: String(offers.columns.brand_name?.[0] ?? ''), contenders, table };
}

/** Purchases per $1,000, with two decimals when under one. */
const perThousand = (v: number) => fixed(v, Math.abs(v) < 1 ? 2 : 1);

/** What the catalog set by hand for a persona, in words (none of it is drawn). */
export function handSetTraits(key: string): string {
  const p = PERSONAS.find((x) => x.key === key);
  if (!p) return '';
  const trust = p.trust === 0 ? 'typical trust' : `trust ${fixed(Math.abs(p.trust), 1)} standard deviations ${p.trust > 0 ? 'above' : 'below'} the drawn accounts' average`;
  return [
    `${count(p.followers)} followers`,
    `${percent(p.fakeFollowerShare)} of them fake`,
    trust,
    `community ${p.community} (niche: ${p.niche})`,
    p.inPod ? 'in an engagement pod' : 'no engagement pod',
    ...(p.audience ? [`an audience of its own (${Object.keys(p.audience).join(', ')})`] : []),
  ].join(', ');
}

const range = (t: NonNullable<Contender['typical']>) => `${count(t.lo)}–${count(t.hi)}`;

export function celebrityLive(m: CelebrityModel): Record<string, string> {
  const find = (p: string, typical: boolean) => m.contenders.find((c) => (typical ? c.typical?.of === p : c.persona === p));
  const [star, teacher] = [find('pop-star', false), find('yoga-teacher', false)];
  if (!star || !teacher) return {};
  const out: Record<string, string> = {
    'celeb.brand': m.brand,
    'celeb.star.followers': count(star.followers),
    'celeb.teacher.followers': count(teacher.followers),
    'celeb.star.score': fixed(star.score, 0),
    'celeb.teacher.score': fixed(teacher.score, 0),
    'celeb.star.cost': usd(star.cost),
    'celeb.teacher.cost': usd(teacher.cost),
    'celeb.star.expected': fixed(star.expected, 1),
    'celeb.teacher.expected': fixed(teacher.expected, 1),
    'celeb.perDollar': times(teacher.perThousand / star.perThousand),
    'celeb.star.perThousand': perThousand(star.perThousand),
    'celeb.teacher.perThousand': perThousand(teacher.perThousand),
    'verdict.celeb.perDollar': compareAmounts({ name: 'the yoga teacher', value: teacher.perThousand }, { name: 'the pop star', value: star.perThousand }),
    'celeb.absolute': star.expected >= teacher.expected ? `${times(star.expected / teacher.expected)} more` : `${times(teacher.expected / star.expected)} fewer`,
    'celeb.star.handSet': handSetTraits('pop-star'),
    'celeb.teacher.handSet': handSetTraits('yoga-teacher'),
  };
  for (const [key, p] of [['star', 'pop-star'], ['teacher', 'yoga-teacher']] as const) {
    const t = find(p, true);
    if (!t?.typical) continue;
    out[`celeb.${key}.typical.n`] = count(t.typical.n);
    out[`celeb.${key}.typical.range`] = range(t.typical);
    out[`celeb.${key}.typical.score`] = fixed(t.score, 0);
    out[`celeb.${key}.typical.cost`] = usd(t.cost);
    out[`celeb.${key}.typical.expected`] = perThousand(t.expected);
    out[`celeb.${key}.typical.perThousand`] = perThousand(t.perThousand);
  }
  return out;
}

const compact = (v: number) => (v >= 1e6 ? `${Number((v / 1e6).toPrecision(2))}M` : v >= 1e3 ? `${Number((v / 1e3).toPrecision(2))}k` : String(Math.round(v)));

/** The label of a contender in the chart and table: the handle, or what a typical drawn account stands for. */
export function contenderLabel(c: Contender): string {
  return c.typical ? `typical drawn (${compact(c.typical.lo)}–${compact(c.typical.hi)})` : `@${c.handle} (hand-made)`;
}

/** The figure's definition (see figureDef.ts); it reads like the other figures' definitions because they share that one shape. */
export const celebrityFigure: FigureDef<CelebrityModel> = {
  title: 'The pop star against the yoga teacher, each beside a typical drawn account of its size: purchases per $1,000 spent',
  queries: ['brand_offers'],
  params: ['brand'],
  uses: WEIGHTS,
  model: (frames) => celebrityModel(frames),
  rows: (m) => m.table,
  live: celebrityLive,
  chart: (m, o) => contendersChart(m.contenders, o),
  summary: (m) => ({
    head: ['Account', 'Followers', 'Reach score', 'Fee for one post', 'Expected purchases', 'Per $1,000'],
    rows: m.contenders.map((c) => [
      c.typical ? `${contenderLabel(c)}: medians of ${c.typical.n} drawn accounts` : contenderLabel(c),
      Math.round(c.followers),
      fixed(c.score, 0),
      usd(c.cost),
      fixed(c.expected, 1),
      fixed(c.perThousand, 1),
    ]),
  }),
};
