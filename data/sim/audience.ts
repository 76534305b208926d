import { poisson, rng } from '../../src/lib/random.ts';
import type { Accounts } from './accounts.ts';
import { drawIndex } from './columns.ts';
import type { SimContext, TopicDraw } from './context.ts';
import { MATCHED_FIT, addCovered, coverage, factorsOf, fitRule, fitTally, toMeans, type FitTally } from './fit.ts';
import { log10 } from '../../src/lib/ieee754.ts';

/** Most interests one hidden follower has (assumption). */
export const MAX_INTERESTS = 8;
/** Chance that a follower drawn by the community follows it for the account's own niche topic (assumption). */
export const NICHE_FIRST = 0.35;
/** Chance that a further interest comes from the same pool as the first, else the general population (assumption). */
export const SAME_POOL = 0.5;
/** Least share of followers drawn by the account's community, however big the account (assumption). */
export const FOCUS_FLOOR = 0.02;
/** Chance a sampled fake or inactive follower shows a second generic interest (assumption). */
export const FAKE_SECOND_INTEREST = 0.5;

/** What the hidden audience of every account implies for every brand, and what a marketer can observe of it. */
export interface Audiences {
  /**
   * Hidden, per account i and brand b at i × brands + b, means over the genuine followers: click
   * factor (meanClick), click-then-buy factor (meanBuy), fit (match: the true match, no score sees
   * it), and the matched followers' share and factors (data/sim/fit.ts).
   */
  hidden: FitTally;
  /** Observed audience_topics rows. */
  observed: { influencer: Int32Array; topic: Int32Array; share: Float64Array };
  /**
   * Hidden, kept only when asked for: how much of each brand's profile every hidden follower
   * covers. The break-even sweep recomputes the hidden factors from it (audienceFactors) under
   * another relevance effect or fit saturation, with the very same followers.
   */
  followers?: FollowerCoverage;
}

/**
 * Every hidden follower's coverage of every brand, stored once per distinct value: followers share
 * a few dozen coverages per brand (most cover nothing), so a sweep point works out each distinct
 * value's factors once instead of once per follower.
 */
export interface FollowerCoverage {
  /** Per brand, the distinct coverages among the followers; the first is 0. */
  values: Float64Array[];
  /** Brand b and follower f of account i, at (b × accounts + i) × perAccount + f: the position of its coverage in values[b]. */
  index: Uint16Array | Uint32Array;
  perAccount: number;
}

/** Collects FollowerCoverage as followers are simulated. */
class CoverageRecorder {
  private seen: Map<number, number>[];
  private lists: number[][];
  index: Uint16Array | Uint32Array;
  private followers: number;
  private perAccount: number;
  constructor(brands: number, perAccount: number, accounts: number) {
    this.followers = accounts * perAccount;
    this.perAccount = perAccount;
    this.seen = Array.from({ length: brands }, () => new Map([[0, 0]]));
    this.lists = Array.from({ length: brands }, () => [0]);
    this.index = new Uint16Array(this.followers * brands);
  }
  /** Follower `follower` (i × perAccount + f) covers `covered` of brand b. */
  record(follower: number, b: number, covered: number): void {
    let slot = covered === 0 ? 0 : this.seen[b].get(covered);
    if (slot === undefined) {
      slot = this.lists[b].push(covered) - 1;
      this.seen[b].set(covered, slot);
      if (slot > 0xffff && this.index instanceof Uint16Array) this.index = Uint32Array.from(this.index);
    }
    this.index[b * this.followers + follower] = slot;
  }
  done(): FollowerCoverage {
    return { values: this.lists.map((l) => Float64Array.from(l)), index: this.index, perAccount: this.perAccount };
  }
}

/**
 * Simulates, per account, a sample of its genuine followers, each with a few interests: drawn
 * around the account's community with a probability that falls as the account grows, else from
 * the general population. A follower's fit to a brand is the share of the brand's (generator's)
 * profile its interests cover (hierarchy-aware), saturating at the brand's fitSaturation
 * (data/sim/fit.ts). Then an audience tool samples followers of the same account for the observed
 * audience_topics: fake ones included, genuine ones drawn afresh from the same audience (a separate
 * stream, so the observation shares no draw with the hidden followers the outcomes come from),
 * interests seen imperfectly.
 */
export function simulateAudiences(ctx: SimContext, acc: Accounts, keepFollowers = false): Audiences {
  const p = ctx.params;
  const nb = ctx.brands.length;
  const nt = ctx.space.ids.length;
  const H = p.hiddenFollowers;
  const hidden = fitTally(acc.n * nb);
  const rule = fitRule(ctx);
  const kept = keepFollowers ? new CoverageRecorder(nb, H, acc.n) : undefined;
  const interests = new Int32Array(MAX_INTERESTS);
  const seen = new Int32Array(nt).fill(-1);
  const tally = new Int32Array(nt);
  const touched: number[] = [];
  const obsInfluencer: number[] = [];
  const obsTopic: number[] = [];
  const obsShare: number[] = [];

  for (let i = 0; i < acc.n; i++) {
    const audience: AudienceOf = {
      community: ctx.personaAudience.get(acc.persona[i]) ?? ctx.communities[acc.community[i]].interests,
      niche: acc.niche[i],
      focus: Math.min(1, Math.max(FOCUS_FLOOR, p.audienceFocus - p.audienceFocusDecline * log10(acc.genuine[i] / 1000))),
    };
    const u = rng(p.seed, ctx.tag.audience, i + 1);
    for (let f = 0; f < H; f++) {
      const c = drawFollower(ctx, audience, u, interests);
      for (let b = 0; b < nb; b++) {
        const covered = coverage(ctx, interests, 0, c, b);
        addCovered(rule, hidden, i * nb + b, b, covered);
        kept?.record(i * H + f, b, covered);
      }
    }
    toMeans(hidden, i, nb, H);

    // The observation: other followers of the same audience, from a separate stream, so the truth above never depends on it.
    const o = rng(p.seed, ctx.tag.observe, i + 1);
    const m = p.audienceSample;
    for (let s = 0; s < m; s++) {
      const mark = (t: number) => {
        if (seen[t] === s) return;
        seen[t] = s;
        if (tally[t]++ === 0) touched.push(t);
      };
      if (o() < acc.fakeShare[i]) {
        // A fake or inactive follower: a couple of generic interests.
        mark(draw(ctx.general, o()));
        if (o() < FAKE_SECOND_INTEREST) mark(draw(ctx.general, o()));
      } else {
        const c = drawFollower(ctx, audience, o, interests);
        for (let q = 0; q < c; q++) if (o() < p.observeRate) mark(interests[q]);
      }
      if (o() < p.spuriousRate) mark(draw(ctx.general, o()));
    }
    touched.sort((x, y) => x - y);
    for (const t of touched) {
      if (tally[t] >= p.audienceMinCount) {
        obsInfluencer.push(i + 1);
        obsTopic.push(t);
        obsShare.push(tally[t] / m);
      }
      tally[t] = 0;
      seen[t] = -1;
    }
    touched.length = 0;
  }
  return {
    hidden,
    observed: { influencer: Int32Array.from(obsInfluencer), topic: Int32Array.from(obsTopic), share: Float64Array.from(obsShare) },
    followers: kept?.done(),
  };
}

/** Who follows an account: its community's interests (or a persona's own), its niche topic, and how focused its audience is. */
interface AudienceOf {
  community: TopicDraw;
  niche: number;
  focus: number;
}

/** One genuine follower's interests (distinct topic indices) into `out`; returns how many. */
function drawFollower(ctx: SimContext, a: AudienceOf, u: () => number, out: Int32Array): number {
  const p = ctx.params;
  const k = Math.min(MAX_INTERESTS, 1 + poisson(u, p.interestsPerFollower - 1));
  let c = 0;
  const fromCommunity = u() < a.focus;
  const home: TopicDraw = fromCommunity ? a.community : ctx.general;
  out[c++] = fromCommunity && u() < NICHE_FIRST ? a.niche : draw(home, u());
  for (let j = 1; j < k; j++) {
    const t = draw(u() < SAME_POOL ? home : ctx.general, u());
    let dup = false;
    for (let q = 0; q < c; q++) if (out[q] === t) dup = true;
    if (!dup) out[c++] = t;
  }
  return c;
}

/**
 * The hidden factors of every account recomputed from the kept coverages (simulateAudiences with
 * keepFollowers) under ctx's relevance effects and brands' fit saturation: each distinct coverage's
 * factors once (factorsOf), then summed over the same followers in the same order as
 * simulateAudiences sums them (addFactors, toMeans), so with the parameters they were simulated
 * with, the same numbers bit for bit. With `sameFit` (ctx's fit saturations are those the audiences
 * were simulated with, so each follower's fit is too) the fit and matched share are aud's own.
 */
export function audienceFactors(ctx: SimContext, aud: Audiences, accounts: number, { sameFit = false }: { sameFit?: boolean } = {}): Audiences {
  const kept = aud.followers;
  if (!kept) throw new Error('audienceFactors needs the audiences simulated with keepFollowers');
  const rule = fitRule(ctx);
  const nb = ctx.brands.length;
  const H = kept.perAccount;
  const hidden = fitTally(accounts * nb);
  const index = kept.index;
  for (let b = 0; b < nb; b++) {
    // The brand's factors by coverage, and the matched part of each (0 when not matched: adding 0 changes no sum).
    const factors = Array.from(kept.values[b], (covered) => factorsOf(rule, b, covered));
    const fit = Float64Array.from(factors, (f) => f.fit);
    const click = Float64Array.from(factors, (f) => f.click);
    const buy = Float64Array.from(factors, (f) => f.buy);
    const isMatched = Float64Array.from(factors, (f) => (f.fit >= MATCHED_FIT ? 1 : 0));
    const ifMatchedClick = Float64Array.from(factors, (f) => (f.fit >= MATCHED_FIT ? f.click : 0));
    const ifMatchedBuy = Float64Array.from(factors, (f) => (f.fit >= MATCHED_FIT ? f.buy : 0));
    // Each cell summed in a local, follower by follower as simulateAudiences adds them (addFactors), then made a mean as toMeans does.
    for (let i = 0; i < accounts; i++) {
      let sumClick = 0;
      let sumBuy = 0;
      let sumFit = 0;
      let matched = 0;
      let matchedClick = 0;
      let matchedBuy = 0;
      const from = (b * accounts + i) * H;
      if (sameFit) {
        for (let at = from, end = from + H; at < end; at++) {
          const s = index[at];
          sumClick += click[s];
          sumBuy += buy[s];
          matchedClick += ifMatchedClick[s];
          matchedBuy += ifMatchedBuy[s];
        }
      } else {
        for (let at = from, end = from + H; at < end; at++) {
          const s = index[at];
          sumClick += click[s];
          sumBuy += buy[s];
          sumFit += fit[s];
          matched += isMatched[s];
          matchedClick += ifMatchedClick[s];
          matchedBuy += ifMatchedBuy[s];
        }
      }
      const cell = i * nb + b;
      hidden.click[cell] = sumClick / H;
      hidden.buy[cell] = sumBuy / H;
      hidden.fit[cell] = sameFit ? aud.hidden.fit[cell] : sumFit / H;
      hidden.matched[cell] = sameFit ? aud.hidden.matched[cell] : matched / H;
      hidden.matchedClick[cell] = matchedClick / H;
      hidden.matchedBuy[cell] = matchedBuy / H;
    }
  }
  return { ...aud, hidden };
}

function draw(d: TopicDraw, u: number): number {
  return d.topics[drawIndex(d.cum, u)];
}
