/**
 * The decisive assumptions of the verdict (SCIENCE.md §7, "Break-even, not just a verdict"),
 * declared once: what each sets, the grid it is swept over, its source or "assumption", and the
 * earliest simulator stage it touches, which decides how much of a world the sweep reuses:
 *
 * - 'cost': only the fees change; every draw (impressions, clicks, purchases) and score is reused.
 * - 'outcomes': only the expected and realized outcomes change; the accounts, audiences, posts
 *   and scores are reused, and the outcomes are recomputed from each follower's stored coverage.
 * - 'selection': only which sponsored posts ran changes; outcomes and scores are reused.
 * - 'world': the accounts change; a smaller world is simulated afresh at every point (its default
 *   point is the seed's smaller world itself). Correct for any parameter: when in doubt, a new lever
 *   goes here. One that changes only an observed table the scores read (the brief, the audit:
 *   OBSERVED in seed.ts) shares one smaller world per seed, whose scores are recomputed at each point.
 *
 * The default of each is the base world's own value (the multiplier 1 for 'scale').
 */
import { PARAM_DOCS } from '../../../data/sim/params.ts';

export type SweepStage = 'cost' | 'outcomes' | 'selection' | 'world';

export interface Assumption {
  key: string;
  label: string;
  /**
   * What the swept value sets: a WorldParams path ('relevanceEffect'; an object such as
   * 'fraudRateByTier' for every leaf in it), or 'brands.fitSaturation' (each brand's, in the catalog).
   */
  path: string;
  /** 'value': the path takes the swept value; 'scale': each leaf at the path is multiplied by it (capped at its documented maximum). */
  mode: 'value' | 'scale';
  /** The swept values, rising. */
  grid: number[];
  /** A source for the range, or "assumption". */
  source: string;
  stage: SweepStage;
  /** How the table shows a value. */
  unit: string;
}

const doc = (path: string) => PARAM_DOCS[path]?.source ?? 'assumption';

export const ASSUMPTIONS: readonly Assumption[] = [
  { key: 'relevance', label: 'Relevance effect on clicks', path: 'relevanceEffect', mode: 'value', grid: [0, 0.5, 1, 1.8, 2.5, 3, 4], source: doc('relevanceEffect'), stage: 'outcomes', unit: 'log ratio' },
  { key: 'relevancePurchase', label: 'Relevance effect on purchases', path: 'relevancePurchaseEffect', mode: 'value', grid: [0, 0.5, 1, 1.5, 2, 3, 4], source: doc('relevancePurchaseEffect'), stage: 'outcomes', unit: 'log ratio' },
  { key: 'saturation', label: 'Fit saturation (mass appeal), × each brand’s', path: 'brands.fitSaturation', mode: 'scale', grid: [0.25, 0.5, 0.75, 1, 1.5, 2], source: 'assumption', stage: 'outcomes', unit: '×' },
  { key: 'shortlist', label: 'Shortlist share of placements', path: 'shortlistShare', mode: 'value', grid: [0, 0.25, 0.5, 0.75, 1], source: doc('shortlistShare'), stage: 'selection', unit: 'share' },
  { key: 'fraud', label: 'Fake-follower rates, × every tier’s', path: 'fraudRateByTier', mode: 'scale', grid: [0, 0.5, 1, 1.5], source: 'industry reports 2021 (secondary) at × 1', stage: 'world', unit: '×' },
  { key: 'feeFixed', label: 'Fee model: fixed fee per post (c_a)', path: 'costFixed', mode: 'value', grid: [0, 40, 80, 160, 320], source: doc('costFixed'), stage: 'cost', unit: 'USD' },
  { key: 'feePerFollower', label: 'Fee model: fee per follower (c_f)', path: 'costPerFollower', mode: 'value', grid: [0.0025, 0.005, 0.01, 0.02, 0.04], source: doc('costPerFollower'), stage: 'cost', unit: 'USD' },
  // What a marketer sees: the brief and the audit change observed tables (brand_topics, audit_fake_share), so the scores: swept on the smaller worlds, the scores recomputed per point.
  { key: 'briefNoise', label: 'The brief’s noise (log sd of its weights)', path: 'briefNoise', mode: 'value', grid: [0, 0.5, 1, 1.5], source: doc('briefNoise'), stage: 'world', unit: 'log sd' },
  { key: 'auditPassThrough', label: 'Audit pass-through of sophisticated fakes', path: 'auditPassThrough', mode: 'value', grid: [0, 0.3, 0.6, 0.9], source: doc('auditPassThrough'), stage: 'world', unit: 'share' },
  { key: 'amplification', label: 'Amplification: reshares per impression', path: 'reshareRate', mode: 'value', grid: [0, 0.001, 0.002, 0.003, 0.005], source: doc('reshareRate'), stage: 'outcomes', unit: 'share' },
];

/**
 * Parameters that change only an observed table the scores read: the brief (brand_topics) and the
 * audit (influencers.audit_fake_share). Their 'world'-stage points share one smaller world per seed,
 * whose scores are recomputed at each point (OBSERVED in seed.ts).
 */
export const OBSERVED_PATHS: readonly string[] = ['briefNoise', 'auditPassThrough'];

/** Whether the assumption changes only an observed table the scores read (its points share one world per seed). */
export const observesOnly = (a: Assumption) => OBSERVED_PATHS.includes(a.path);

/** The short names ("fake-follower rates") of the 'world'-stage assumptions swept with a world per point, and of those with a world per seed. */
export function worldStageNames(list: readonly Assumption[]): { perPoint: string; perSeed: string } {
  const names = (keep: (a: Assumption) => boolean) =>
    list
      .filter((a) => a.stage === 'world' && keep(a))
      .map((a) => a.label.split(' (')[0].split(',')[0].toLowerCase())
      .join(', ');
  return { perPoint: names((a) => !observesOnly(a)), perSeed: names(observesOnly) };
}

export function assumptionByKey(key: string): Assumption {
  const a = ASSUMPTIONS.find((x) => x.key === key);
  if (!a) throw new RangeError(`no swept assumption ${key}`);
  return a;
}
