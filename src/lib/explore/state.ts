/**
 * The explore page's state: every filter, the sort, the page and the score weights, read from and
 * written to the URL query string. Untrusted text in, valid state out: a missing, garbled or
 * out-of-range value falls back to its default, and a choice outside the page's lists (brand, tier,
 * topic) is dropped.
 */
import { PARAMS, validParam, writeParams } from '../state/params.ts';
import type { Params } from '../../sql/bind.ts';
import { orderedRange } from '../step.ts';

/** Columns the table can be sorted by: the whitelist the SQL's ORDER BY knows. */
export const SORT_KEYS = ['brand', 'influencer_id', 'handle', 'tier', 'topic', 'followers', 'reactions_per_post', 'score', 'cost', 'conversions', 'revenue'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const PAGE_SIZES = [25, 50, 100] as const;

/** The reach-score weights (the essay's sliders, same URL keys); the only shared parameters this page reads. */
export const WEIGHT_NAMES = ['w_followers', 'w_reactions', 'w_reactors'] as const;
export type WeightName = (typeof WEIGHT_NAMES)[number];
export type Weights = Record<WeightName, number>;

const DEFAULT_WEIGHTS = Object.fromEntries(WEIGHT_NAMES.map((n) => [n, PARAMS[n].default])) as Weights;

/** The weights a query string holds (garbage → defaults). */
export function readWeights(search: string): Weights {
  const q = new URLSearchParams(search);
  return Object.fromEntries(WEIGHT_NAMES.map((n) => [n, Number(validParam(n, q.get(PARAMS[n].key)))])) as Weights;
}

/** Upper bounds a URL may ask for: more followers than people on Earth is garbage. */
export const FOLLOWERS_LIMIT = 10_000_000_000;
export const SCORE_RANGE = [1, 100] as const;
const HANDLE_MAX = 64;
const PAGE_MAX = 1_000_000;

export interface ExploreState {
  brand: string;
  tier: string;
  topic: string;
  followersMin: number | null;
  followersMax: number | null;
  scoreMin: number | null;
  scoreMax: number | null;
  handle: string;
  sort: SortKey;
  descending: boolean;
  /** 1-based page of the table. */
  page: number;
  pageSize: number;
  weights: Weights;
}

/** The values a select may take; a URL value outside them falls back to "all". */
export interface ExploreChoices {
  brands: readonly string[];
  tiers: readonly string[];
  topics: readonly string[];
}

export const DEFAULT_STATE: ExploreState = {
  brand: '',
  tier: '',
  topic: '',
  followersMin: null,
  followersMax: null,
  scoreMin: null,
  scoreMax: null,
  handle: '',
  sort: 'score',
  descending: true,
  page: 1,
  pageSize: 50,
  weights: { ...DEFAULT_WEIGHTS },
};

const KEYS = {
  brand: 'brand',
  tier: 'tier',
  topic: 'topic',
  followersMin: 'fmin',
  followersMax: 'fmax',
  scoreMin: 'smin',
  scoreMax: 'smax',
  handle: 'q',
  sort: 'sort',
  descending: 'dir',
  page: 'page',
  pageSize: 'size',
} as const;

/** A choice from a list, else '' (all). */
function choice(text: string | null, allowed: readonly string[]): string {
  return text !== null && allowed.includes(text) ? text : '';
}

/** A finite number within [lo, hi], else null; integers only when asked. */
export function boundedNumber(text: string | null, lo: number, hi: number, integer = false): number | null {
  if (text === null || text.trim() === '' || text.length > 24) return null;
  const v = Number(text);
  if (!Number.isFinite(v) || v < lo || v > hi) return null;
  return integer ? Math.round(v) : Number(v.toFixed(2));
}

/** The followers filter from its two texts: whole numbers within the limit, a reversed range swapped. */
export const followersRange = (min: string | null, max: string | null) =>
  orderedRange(boundedNumber(min, 0, FOLLOWERS_LIMIT, true), boundedNumber(max, 0, FOLLOWERS_LIMIT, true));
/** The score filter from its two texts: within the score's range, a reversed range swapped. */
export const scoreRange = (min: string | null, max: string | null) =>
  orderedRange(boundedNumber(min, SCORE_RANGE[0], SCORE_RANGE[1]), boundedNumber(max, SCORE_RANGE[0], SCORE_RANGE[1]));

/** Handle search text: control characters removed, trimmed, at most 64 characters. */
export function cleanHandle(text: string | null): string {
  if (!text) return '';
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, HANDLE_MAX);
}

/** The state a query string describes (unknown keys ignored, garbage → defaults, a reversed range swapped). */
export function readExploreState(search: string, choices: ExploreChoices): ExploreState {
  const q = new URLSearchParams(search);
  const [followersMin, followersMax] = followersRange(q.get(KEYS.followersMin), q.get(KEYS.followersMax));
  const [scoreMin, scoreMax] = scoreRange(q.get(KEYS.scoreMin), q.get(KEYS.scoreMax));
  const sort = q.get(KEYS.sort);
  const dir = q.get(KEYS.descending);
  const size = Number(q.get(KEYS.pageSize));
  return {
    brand: choice(q.get(KEYS.brand), choices.brands),
    tier: choice(q.get(KEYS.tier), choices.tiers),
    topic: choice(q.get(KEYS.topic), choices.topics),
    followersMin,
    followersMax,
    scoreMin,
    scoreMax,
    handle: cleanHandle(q.get(KEYS.handle)),
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : DEFAULT_STATE.sort,
    descending: dir === 'asc' ? false : dir === 'desc' ? true : DEFAULT_STATE.descending,
    page: boundedNumber(q.get(KEYS.page), 1, PAGE_MAX, true) ?? 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_STATE.pageSize,
    weights: readWeights(search),
  };
}

/** A query string holding what differs from the defaults (so the default link stays clean); other keys of `search` are kept. */
export function writeExploreState(state: ExploreState, search = ''): string {
  const q = new URLSearchParams(writeParams(state.weights, search));
  const set = (key: string, value: string | number | null, isDefault: boolean) => {
    if (isDefault || value === null || value === '') q.delete(key);
    else q.set(key, String(value));
  };
  set(KEYS.brand, state.brand, state.brand === '');
  set(KEYS.tier, state.tier, state.tier === '');
  set(KEYS.topic, state.topic, state.topic === '');
  set(KEYS.followersMin, state.followersMin, false);
  set(KEYS.followersMax, state.followersMax, false);
  set(KEYS.scoreMin, state.scoreMin, false);
  set(KEYS.scoreMax, state.scoreMax, false);
  set(KEYS.handle, state.handle, state.handle === '');
  set(KEYS.sort, state.sort, state.sort === DEFAULT_STATE.sort);
  set(KEYS.descending, state.descending ? 'desc' : 'asc', state.descending === DEFAULT_STATE.descending);
  set(KEYS.page, state.page, state.page === 1);
  set(KEYS.pageSize, state.pageSize, state.pageSize === DEFAULT_STATE.pageSize);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The bound parameters of the explore query for a state: one page, or every filtered row when `all`. */
export function queryParams(state: ExploreState, { all = false } = {}): Params {
  return {
    w_followers: state.weights.w_followers,
    w_reactions: state.weights.w_reactions,
    w_reactors: state.weights.w_reactors,
    brand: state.brand,
    tier: state.tier,
    topic: state.topic,
    followers_min: state.followersMin,
    followers_max: state.followersMax,
    score_min: state.scoreMin,
    score_max: state.scoreMax,
    handle: state.handle,
    sort: state.sort,
    descending: state.descending,
    limit: all ? null : state.pageSize,
    offset: all ? 0 : (state.page - 1) * state.pageSize,
  };
}

/** Safe, short file-name text: lower case, [a-z0-9] kept, everything else a dash. */
const slug = (s: string | number) =>
  String(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

/** A file name (without extension) that describes the view, e.g. influencers_brand-yoga_tier-nano. */
export function fileStem(state: ExploreState): string {
  const parts = ['influencers'];
  if (state.brand) parts.push(`brand-${slug(state.brand)}`);
  if (state.tier) parts.push(`tier-${slug(state.tier)}`);
  if (state.topic) parts.push(`topic-${slug(state.topic)}`);
  if (state.followersMin !== null || state.followersMax !== null) parts.push(`followers-${state.followersMin ?? 'min'}-${state.followersMax ?? 'max'}`);
  if (state.scoreMin !== null || state.scoreMax !== null) parts.push(`score-${state.scoreMin ?? 'min'}-${state.scoreMax ?? 'max'}`);
  if (state.handle && slug(state.handle)) parts.push(`handle-${slug(state.handle)}`);
  for (const name of WEIGHT_NAMES) {
    const v = state.weights[name];
    if (v !== PARAMS[name].default) parts.push(`${PARAMS[name].key}${v}`);
  }
  return parts.join('_');
}
