import { poisson, rng } from '../../src/lib/random.ts';
import type { Accounts } from './accounts.ts';
import { drawIndex } from './columns.ts';
import type { SimContext, TopicDraw } from './context.ts';
import { addFollower, fitTally, toMeans, type FitTally } from './fit.ts';
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
   * Hidden, kept only when asked for: every hidden follower's interests (follower f of account i at
   * (i × hiddenFollowers + f) × MAX_INTERESTS, `counts` of them). The break-even sweep recomputes the
   * hidden factors from them (audienceFactors) under another relevance effect or fit saturation,
   * with the very same followers.
   */
  followers?: { interests: Int32Array; counts: Int32Array };
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
  const kept = keepFollowers ? { interests: new Int32Array(acc.n * H * MAX_INTERESTS), counts: new Int32Array(acc.n * H) } : undefined;
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
      addFollower(ctx, hidden, i, interests, 0, c);
      if (kept) {
        kept.interests.set(interests.subarray(0, c), (i * H + f) * MAX_INTERESTS);
        kept.counts[i * H + f] = c;
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
    followers: kept,
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
 * The hidden factors of every account recomputed from the kept followers (simulateAudiences with
 * keepFollowers) under ctx's relevance effects and brands' fit saturation: the same followers
 * through the same addFollower, so with the parameters they were simulated with, the same numbers bit for bit.
 */
export function audienceFactors(ctx: SimContext, aud: Audiences, accounts: number): Audiences {
  const kept = aud.followers;
  if (!kept) throw new Error('audienceFactors needs the audiences simulated with keepFollowers');
  const nb = ctx.brands.length;
  const H = kept.counts.length / accounts;
  const hidden = fitTally(accounts * nb);
  for (let i = 0; i < accounts; i++) {
    for (let f = 0; f < H; f++) addFollower(ctx, hidden, i, kept.interests, (i * H + f) * MAX_INTERESTS, kept.counts[i * H + f]);
    toMeans(hidden, i, nb, H);
  }
  return { ...aud, hidden };
}

function draw(d: TopicDraw, u: number): number {
  return d.topics[drawIndex(d.cum, u)];
}
