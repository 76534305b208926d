/**
 * "The celebrity problem": the pop star against the yoga teacher, for the chosen brand. What
 * one sponsored post costs, how many purchases it is expected to bring (the simulator's hidden
 * truth, so one lucky draw does not decide), and purchases per $1,000 spent.
 */
import type { Frame } from '../data/frame.ts';
import { numbers } from '../data/frame.ts';
import { count, fixed, times, usd } from './format.ts';
import { compareAmounts } from './verdict.ts';

export const CELEBRITY_PERSONAS = ['pop-star', 'yoga-teacher'] as const;

export interface Contender {
  persona: string;
  handle: string;
  followers: number;
  score: number;
  cost: number;
  expected: number;
  perThousand: number;
}

export interface CelebrityModel {
  brand: string;
  contenders: Contender[];
  table: Frame;
}

export function celebrityModel([offers]: Frame[]): CelebrityModel {
  const persona = offers.columns.persona as ArrayLike<string>;
  const cost = numbers(offers, 'cost');
  const expected = numbers(offers, 'expected_conversions');
  const followers = numbers(offers, 'followers');
  const score = numbers(offers, 'score');
  const handle = offers.columns.handle as ArrayLike<string>;
  const idx = CELEBRITY_PERSONAS.map((p) => Array.prototype.findIndex.call(persona, (x: string) => x === p)).filter((i) => i >= 0);
  const contenders = idx.map((i) => ({
    persona: persona[i],
    handle: handle[i],
    followers: followers[i],
    score: score[i],
    cost: cost[i],
    expected: expected[i],
    perThousand: (expected[i] / cost[i]) * 1000,
  }));
  const table: Frame = {
    names: offers.names,
    columns: Object.fromEntries(offers.names.map((n) => [n, idx.map((i) => offers.columns[n][i])])),
    length: idx.length,
  };
  return { brand: String(offers.columns.brand_name?.[0] ?? ''), contenders, table };
}

/** Purchases per $1,000, with two decimals when under one. */
const perThousand = (v: number) => fixed(v, Math.abs(v) < 1 ? 2 : 1);

export function celebrityLive(m: CelebrityModel): Record<string, string> {
  const [star, teacher] = [m.contenders.find((c) => c.persona === 'pop-star'), m.contenders.find((c) => c.persona === 'yoga-teacher')];
  if (!star || !teacher) return {};
  return {
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
  };
}
