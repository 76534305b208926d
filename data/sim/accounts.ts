import { normal, permutation, rng } from '../../src/lib/random.ts';
import { PERSONAS } from './catalog.ts';
import { cumulative, drawIndex } from './columns.ts';
import type { SimContext } from './context.ts';
import { engagementAt, followersAt, tierOf } from './followers.ts';
import { handleFor } from './handles.ts';
import type { Tier } from './params.ts';
import { exp, log10 } from '../../src/lib/ieee754.ts';

/** Bought share of an account that bought followers: boughtShareMean × a uniform factor in [low, low + width], at most cap (assumption). */
export const BOUGHT_SHARE_DRAW = { low: 0.2, width: 1.6, cap: 0.9 };
/** Inactive share of every account: inactiveShareMean × a uniform factor in [0, width], at most cap (assumption). */
export const INACTIVE_SHARE_DRAW = { width: 2, cap: 0.9 };
/** Replies per reaction: base × exp(trustElasticity × latent trust), at most cap (assumption). */
export const REPLY_SHARE = { base: 0.04, trustElasticity: 0.35, cap: 0.25 };
/** Reshares per reaction: base × a log-normal factor of spread sd, at most cap (assumption). */
export const RESHARE_SHARE = { base: 0.06, spread: 0.3, cap: 0.25 };
/** Accounts an account follows: log-normal around median (sd 1), clamped to [min, max] (assumption). */
export const FOLLOWS = { median: 300, min: 10, max: 7500 };
/** Account age: uniform in [min, min + span] days (assumption). */
export const ACCOUNT_AGE_DAYS = { min: 90, span: 3560 };
/** Mass appeal pulls an account towards big communities from 10^fromLog10 genuine followers, fully at 10^(fromLog10 + overLog10) (assumption). */
export const MASS_APPEAL_RAMP = { fromLog10: 4, overLog10: 3 };

/** The accounts, column by column; index i holds influencer id i + 1. Hidden fields are marked. */
export interface Accounts {
  n: number;
  followers: Float64Array;
  /** Hidden: followers who are real and active. */
  genuine: Float64Array;
  fakeShare: Float64Array;
  tier: Tier[];
  follows: Float64Array;
  ageDays: Int32Array;
  community: Int32Array;
  /** Topic index of the niche topic. */
  niche: Int32Array;
  persona: string[];
  handle: string[];
  /** Hidden: latent trust in standard deviations. */
  trust: Float64Array;
  /** Hidden: reactions per post per genuine follower (before post-level noise). */
  engagement: Float64Array;
  shareShare: Float64Array;
  replyShare: Float64Array;
  inPod: Uint8Array;
  /** Hidden: multiplier of the account's fee around the cost model. */
  rateCard: Float64Array;
}

/**
 * Draws every account: follower count (stratified over the size distribution, so the size mix
 * holds even in small worlds), community and niche, fake followers, engagement and trust.
 * Personas take ids 1…P with their fixed traits; `boughtFollowers` then tops up named accounts.
 */
export function simulateAccounts(ctx: SimContext): Accounts {
  const p = ctx.params;
  const n = p.accounts;
  const P = Math.min(PERSONAS.length, n);
  const a: Accounts = {
    n,
    followers: new Float64Array(n),
    genuine: new Float64Array(n),
    fakeShare: new Float64Array(n),
    tier: new Array(n),
    follows: new Float64Array(n),
    ageDays: new Int32Array(n),
    community: new Int32Array(n),
    niche: new Int32Array(n),
    persona: new Array(n).fill(''),
    handle: new Array(n),
    trust: new Float64Array(n),
    engagement: new Float64Array(n),
    shareShare: new Float64Array(n),
    replyShare: new Float64Array(n),
    inPod: new Uint8Array(n),
    rateCard: new Float64Array(n),
  };
  const m = n - P;
  const order = permutation(Math.max(m, 0), rng(p.seed, ctx.tag.order));
  const taken = new Set(PERSONAS.map((x) => x.handle));

  for (let i = 0; i < n; i++) {
    const id = i + 1;
    const u = rng(p.seed, ctx.tag.account, id);
    const persona = i < P ? PERSONAS[i] : undefined;
    let followers: number;
    let fake: number;
    let community: number;
    let niche: number;
    if (persona) {
      followers = persona.followers;
      fake = persona.fakeFollowerShare;
      community = ctx.communityIndex.get(persona.community) as number;
      niche = ctx.space.indexOf(persona.niche);
      a.trust[i] = persona.trust;
      a.inPod[i] = persona.inPod ? 1 : 0;
      a.persona[i] = persona.key;
      a.handle[i] = persona.handle;
      u();
    } else {
      followers = followersAt(p, 1 - (order[i - P] + u()) / m);
      const tier = tierOf(followers);
      const bought = u() < p.fraudRateByTier[tier] ? Math.min(BOUGHT_SHARE_DRAW.cap, p.boughtShareMean * (BOUGHT_SHARE_DRAW.low + BOUGHT_SHARE_DRAW.width * u())) : (u(), 0);
      const inactive = Math.min(INACTIVE_SHARE_DRAW.cap, p.inactiveShareMean * INACTIVE_SHARE_DRAW.width * u());
      fake = 1 - (1 - inactive) * (1 - bought);
      community = drawCommunity(ctx, followers * (1 - fake), u());
      const c = ctx.communities[community];
      niche = c.niche.topics[drawIndex(c.niche.cum, u())];
      a.trust[i] = normal(u);
      a.inPod[i] = u() < p.podShare ? 1 : 0;
      a.handle[i] = handleFor(p.seed, id, taken);
    }
    const genuine = Math.max(1, Math.round(followers * (1 - fake)));
    for (const buy of p.boughtFollowers) {
      if (buy.account === id || buy.account === a.persona[i]) {
        fake = buy.share;
        followers = Math.max(genuine, Math.round(genuine / (1 - buy.share)));
      }
    }
    a.followers[i] = followers;
    a.genuine[i] = genuine;
    a.fakeShare[i] = fake;
    a.tier[i] = tierOf(followers);
    a.community[i] = community;
    a.niche[i] = niche;

    const z = a.trust[i];
    const s = p.engagementSpread;
    a.engagement[i] = engagementAt(p, genuine) * exp(s * z - (s * s) / 2);
    a.replyShare[i] = Math.min(REPLY_SHARE.cap, REPLY_SHARE.base * exp(REPLY_SHARE.trustElasticity * z));
    a.shareShare[i] = Math.min(RESHARE_SHARE.cap, RESHARE_SHARE.base * exp(RESHARE_SHARE.spread * normal(u)));
    a.follows[i] = Math.round(Math.min(FOLLOWS.max, Math.max(FOLLOWS.min, FOLLOWS.median * exp(normal(u)))));
    a.ageDays[i] = ACCOUNT_AGE_DAYS.min + Math.floor(u() * ACCOUNT_AGE_DAYS.span);
    a.rateCard[i] = exp(p.costSpread * normal(u) - (p.costSpread * p.costSpread) / 2);
  }
  return a;
}

/** Large accounts belong more often to communities of mass appeal (celebrity, sports, screen). */
function drawCommunity(ctx: SimContext, genuine: number, u: number): number {
  const s = Math.min(1, Math.max(0, (log10(Math.max(1, genuine)) - MASS_APPEAL_RAMP.fromLog10) / MASS_APPEAL_RAMP.overLog10));
  const weights = ctx.communities.map((c) => c.share * c.massAppeal ** s);
  return drawIndex(cumulative(weights), u);
}
