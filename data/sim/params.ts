/**
 * Every parameter of the simulated world in one typed object, its defaults, and for each a label,
 * unit, range and source (a figure from SCIENCE.md §3, or the word "assumption"). The lab's
 * controls and the data page are built from PARAM_DOCS.
 */

export type Tier = 'nano' | 'micro' | 'mid' | 'macro' | 'mega';
export const TIERS: readonly Tier[] = ['nano', 'micro', 'mid', 'macro', 'mega'];

/** Lower follower bound of each tier (the dictionary's tiers: nano <10k, micro <100k, mid <500k, macro <1M, mega ≥1M). */
export const TIER_FLOOR: Record<Tier, number> = { nano: 0, micro: 10_000, mid: 100_000, macro: 500_000, mega: 1_000_000 };

/** An account's followers topped up with bought ones until `share` of them are fake; genuine followers stay as they were. */
export interface BoughtFollowers {
  /** A persona key (e.g. 'yoga-teacher') or an influencer id. */
  account: string | number;
  /** Fake share after the purchase, 0–0.95. */
  share: number;
}

export interface WorldParams {
  seed: number;
  accounts: number;
  /** Sponsored posts that ran, per brand (the `placements` rows of each brand). */
  placementsPerBrand: number;

  // Effects on clicks and conversions (0 switches an effect off).
  /** Exponent of genuine impressions in clicks; 0: reach no longer matters. */
  reachEffect: number;
  /** Log of how much likelier a follower whose interests fully match the brand clicks than one with none. */
  relevanceEffect: number;
  /** Log of how much likelier such a follower buys after a click than an unmatched clicker. */
  relevancePurchaseEffect: number;
  /** Account match (mean fit of its genuine followers) past which a post works less well (Leung et al.'s inverted U); 1 = monotone. */
  fitPeak: number;
  /** Log drop of clicks per unit of account match past fitPeak. */
  fitDecline: number;
  /** Elasticity of clicks with respect to the account's engagement rate among genuine followers (its audience's trust). */
  trustEffect: number;
  /** Elasticity of conversion per click with respect to price (relative to referencePrice). */
  priceSensitivity: number;

  // Reach.
  /** Share of genuine followers who see a post, for an account with 1,000 genuine followers. */
  reachRateAt1k: number;
  /** Elasticity of that reach rate with respect to genuine followers (impressions ∝ followers^(1 + this)). */
  reachRateElasticity: number;
  /** People outside the followers who see one reshare of a sponsored post (amplification). */
  reshareReach: number;
  /** Reshares per impression among those people, so cascades go on (generations sum to 1 / (1 − reshareRate × reshareReach)). */
  reshareRate: number;
  /** Share of genuine people reached who recall the post: the awareness brand's outcome. */
  recallRate: number;

  // Follower counts.
  /** Share of accounts with fewer than 1,000 followers (the sources count creators from 1,000 up). */
  subThousandShare: number;
  /** Among accounts with ≥1,000 followers: share with 1k–10k, 10k–100k and over 1M. */
  sizeMix: { nano: number; micro: number; mega: number };
  /** Exponent of the follower-count density above 1M (p(x) ∝ x^−exponent). */
  tailExponent: number;
  minFollowers: number;
  maxFollowers: number;

  // Fake followers.
  /** Probability that an account of the tier has bought followers. */
  fraudRateByTier: Record<Tier, number>;
  /** Mean share of bought followers in an account that bought some. */
  boughtShareMean: number;
  /** Mean share of inactive followers in every account. */
  inactiveShareMean: number;
  /** Purchases imposed on named accounts (the lab's "buy followers" control). */
  boughtFollowers: BoughtFollowers[];
  /** Followers a fake-follower audit inspects per account (audit_fake_share is the share of them that look fake). */
  auditSample: number;
  /** Share of fake followers sophisticated enough to pass an audit as real. */
  auditPassThrough: number;

  // Engagement (reactions per post ÷ genuine followers).
  engagementByTier: { '1k-5k': number; '5k-10k': number; '10k-100k': number; '100k-1M': number; '1M+': number };
  /** Log-normal spread of an account's engagement around its tier's rate. */
  engagementSpread: number;
  /** Engagement rate at which trust multiplies clicks by 1. */
  referenceEngagement: number;

  // Conversion.
  /** Clicks per genuine impression for a fully matching audience at the reference engagement. */
  baseClickRate: number;
  /** Purchases per click for a fully matching clicker at the reference price. */
  baseConversionRate: number;
  /** USD. */
  referencePrice: number;

  // Cost per post: c_a + c_f × followers, times noise.
  costFixed: number;
  costPerFollower: number;
  costSpread: number;

  // Hidden audiences and their observation.
  /** Hidden followers simulated per account (the truth the scores never see). */
  hiddenFollowers: number;
  /** Followers sampled per account for the observed audience_topics (fake ones included). */
  audienceSample: number;
  /** Sampled followers a topic needs before audience_topics reports it. */
  audienceMinCount: number;
  /** Mean interests per follower. */
  interestsPerFollower: number;
  /** Share of a 1,000-follower account's followers who follow it for its community's interests. */
  audienceFocus: number;
  /** Drop of that share per tenfold more followers. */
  audienceFocusDecline: number;
  /** Chance a sampled follower's interest is observed. */
  observeRate: number;
  /** Chance a sampled follower shows one spurious interest. */
  spuriousRate: number;
  /** Weight of an interest in a child topic for its parent (per level) in the hidden match. */
  hierarchyDecay: number;

  // The brief: the marketer's version of each brand's customer profile (brand_topics).
  /** Log-normal spread of the brief's weights around the customer profile's. */
  briefNoise: number;
  /** Most topics a brief names (the heaviest). */
  briefTopics: number;
  /** Chance a brief leaves out one of the customers' topics. */
  briefMissRate: number;

  // Posts and reactions over the 90-day window.
  postsMedian: number;
  postsMin: number;
  postsMax: number;
  /** Chance a post is a one-off mention of an unrelated topic. */
  oneOffRate: number;
  sponsoredShareNano: number;
  sponsoredShareMega: number;
  /** Share of accounts in an engagement pod or like-farm (their extra likes come from indiscriminate reactors). */
  podShare: number;
  /** Extra likes per post of a pod account: a fixed number plus this share of its organic likes. */
  podLikesBase: number;
  podLift: number;
  /** Share of organic likes coming from indiscriminate reactors (who like a great many posts a day). */
  indiscriminateShare: number;
  /** Share of organic reactions coming from other influencers. */
  influencerReactorShare: number;
  /** Most reaction events kept per post (at least one per kind present); weights restore the totals. */
  reactionSampleCap: number;

  // Placements.
  /** Target share of each brand's placements per tier (capped by the accounts available). */
  placementTierMix: Record<Tier, number>;
  /** Share of a tier's placements taken from the brand's shortlist (accounts whose niche is in its field). */
  shortlistShare: number;
}

/**
 * The calibrated relevance effects (SCIENCE.md §7): chosen so that the simulated world reproduces
 * the group comparisons the sources made (data/sim/calibration.ts measures them), not set to a
 * published ratio. The search and its results are in data/sim/README.md.
 */
export const RELEVANCE_DEFAULTS = { click: 1.8, purchase: 1.5 } as const;

export const DEFAULT_PARAMS: WorldParams = {
  seed: 20120401,
  accounts: 5000,
  placementsPerBrand: 600,

  reachEffect: 1,
  relevanceEffect: RELEVANCE_DEFAULTS.click,
  relevancePurchaseEffect: RELEVANCE_DEFAULTS.purchase,
  fitPeak: 0.6,
  fitDecline: 1,
  trustEffect: 1,
  priceSensitivity: 0.5,

  reachRateAt1k: 0.3,
  reachRateElasticity: -0.15,
  reshareReach: 90,
  reshareRate: 0.002,
  recallRate: 0.1,

  subThousandShare: 0.1,
  sizeMix: { nano: 0.815, micro: 0.144, mega: 0.001 },
  tailExponent: 2.3,
  minFollowers: 200,
  maxFollowers: 50_000_000,

  fraudRateByTier: { nano: 0.42, micro: 0.5, mid: 0.56, macro: 0.62, mega: 0.66 },
  boughtShareMean: 0.3,
  inactiveShareMean: 0.1,
  boughtFollowers: [],
  auditSample: 100,
  auditPassThrough: 0.3,

  engagementByTier: { '1k-5k': 0.039, '5k-10k': 0.0145, '10k-100k': 0.0095, '100k-1M': 0.012, '1M+': 0.01 },
  engagementSpread: 0.5,
  referenceEngagement: 0.02,

  baseClickRate: 0.06,
  baseConversionRate: 0.3,
  referencePrice: 30,

  costFixed: 80,
  costPerFollower: 0.01,
  costSpread: 0.35,

  hiddenFollowers: 150,
  audienceSample: 40,
  audienceMinCount: 2,
  interestsPerFollower: 2.6,
  audienceFocus: 0.8,
  audienceFocusDecline: 0.125,
  observeRate: 0.85,
  spuriousRate: 0.15,
  hierarchyDecay: 0.5,

  briefNoise: 0.5,
  briefTopics: 4,
  briefMissRate: 0.15,

  postsMedian: 25,
  postsMin: 10,
  postsMax: 60,
  oneOffRate: 0.05,
  sponsoredShareNano: 0.05,
  sponsoredShareMega: 0.2,
  podShare: 0.06,
  podLikesBase: 20,
  podLift: 0.5,
  indiscriminateShare: 0.1,
  influencerReactorShare: 0.05,
  reactionSampleCap: 12,

  placementTierMix: { nano: 0.35, micro: 0.3, mid: 0.2, macro: 0.08, mega: 0.07 },
  shortlistShare: 0.5,
};

/**
 * What the world is calibrated against rather than fed: Beichert et al. (J. Marketing 2024) found
 * revenue per follower of €0.265 for nano and €0.049 for macro influencers; in US dollars at $1.08
 * per euro (the 2023 average ECB reference rate) that is $0.29 and $0.053. The simulated world
 * matches the ratio (about 5×, for the mass-market brands; more for niche ones), not the level,
 * which depends on the brands' prices.
 */
export const BEICHERT_REVENUE_PER_FOLLOWER = {
  eur: { nano: 0.265, macro: 0.049 },
  usdPerEur: 1.08,
  usd: { nano: 0.265 * 1.08, macro: 0.049 * 1.08 },
  source: 'Beichert et al., J. Marketing 2024',
} as const;

export type Scale = 'default' | 'large';

/** Parameters at a named scale: 'large' is the benchmark world (100k accounts, 1M placements over all brands, 3 reaction events per post). */
export function scaleParams(scale: Scale, base: WorldParams = DEFAULT_PARAMS): WorldParams {
  if (scale === 'default') return structuredClone(base);
  if (scale === 'large') {
    return { ...structuredClone(base), accounts: 100_000, placementsPerBrand: 200_000, reactionSampleCap: 3 };
  }
  throw new RangeError(`unknown scale ${String(scale)}`);
}

export interface ParamDoc {
  label: string;
  unit: string;
  min: number;
  max: number;
  step: number;
  /** A figure's source from SCIENCE.md §3, or "assumption". */
  source: string;
}

const A = 'assumption';
const d = (label: string, unit: string, min: number, max: number, step: number, source: string): ParamDoc => ({ label, unit, min, max, step, source });

/** Documentation of every numeric parameter, keyed by its path in WorldParams (e.g. 'fraudRateByTier.nano'; 'boughtFollowers[].share'). */
export const PARAM_DOCS: Record<string, ParamDoc> = {
  seed: d('Random seed', '', 0, 2 ** 31 - 1, 1, A),
  accounts: d('Accounts', 'accounts', 100, 200_000, 100, A),
  placementsPerBrand: d('Sponsored posts that ran, per brand', 'posts', 10, 400_000, 10, A),

  reachEffect: d('Reach effect: exponent of genuine impressions in clicks (0 = reach does not matter)', 'exponent', 0, 1.5, 0.05, A),
  relevanceEffect: d(
    'Relevance effect on clicks: log-ratio of click odds, fully matching vs unmatched follower (0 = off)',
    'log ratio',
    0,
    8,
    0.1,
    'calibrated (Yan et al., WWW 2009: the best behavioural segment clicks up to 7.7× as often as all users; here the matched people ÷ all, data/sim/calibration.ts)',
  ),
  relevancePurchaseEffect: d(
    'Relevance effect on purchases: log-ratio of purchase odds per click, fully matching vs unmatched clicker (0 = off)',
    'log ratio',
    0,
    8,
    0.1,
    'calibrated (MediaPost Behavioral Insider 2009, trade press: targeted campaigns converted 2–4× as often per click; here matched clickers ÷ all clickers)',
  ),
  fitPeak: d(
    'Account match past which a post works less well (1 = no decline)',
    'share',
    0.1,
    1,
    0.01,
    'assumption (shape: Leung et al., J. Marketing 2022, an inverted U of follower–brand fit; the peak is not sourced)',
  ),
  fitDecline: d(
    'Log drop of clicks per unit of account match past that point',
    'log ratio',
    0,
    10,
    0.1,
    'assumption (shape: Leung et al., J. Marketing 2022; the steepness is not sourced)',
  ),
  trustEffect: d(
    'Trust effect: elasticity of clicks to the engagement of genuine followers (0 = off)',
    'elasticity',
    0,
    2,
    0.05,
    'assumption (Beichert et al., J. Marketing 2024: small accounts\' advantage is mediated by engagement)',
  ),
  priceSensitivity: d('Price sensitivity: elasticity of purchases per click to price', 'elasticity', 0, 2, 0.05, A),

  reachRateAt1k: d('Reach rate of a 1,000-follower account', 'share', 0.01, 1, 0.01, A),
  reachRateElasticity: d(
    'Elasticity of the reach rate to followers (−0.9 = TikTok\'s impressions elasticity of 0.10)',
    'elasticity',
    -0.95,
    0,
    0.01,
    'assumption (J. Marketing Research 2023, TikTok: follower elasticity of impressions ≈ 0.10 on an algorithmic feed; a follower feed is closer to proportional)',
  ),

  reshareReach: d(
    'People outside the followers reached by one reshare (0 = no amplification)',
    'people',
    0,
    190,
    1,
    'assumption (Bakshy et al., WSDM 2011: reposts carry a post beyond the followers; most cascades stop at the first step)',
  ),
  reshareRate: d(
    'Reshares per impression among people reached by a reshare (cascades go on)',
    'share',
    0,
    0.005,
    0.0001,
    'assumption (Bakshy et al., WSDM 2011: cascades are mostly shallow)',
  ),
  recallRate: d('Genuine people reached who recall the post (the awareness outcome)', 'share', 0.001, 1, 0.001, A),

  subThousandShare: d('Accounts under 1,000 followers', 'share', 0, 0.5, 0.01, A),
  'sizeMix.nano': d('Creators with 1k–10k followers (among ≥1k)', 'share', 0.5, 0.95, 0.005, 'HypeAuditor 2026 report (secondary)'),
  'sizeMix.micro': d('Creators with 10k–100k followers (among ≥1k)', 'share', 0.02, 0.45, 0.005, 'HypeAuditor 2026 report (secondary)'),
  'sizeMix.mega': d('Creators with over 1M followers (among ≥1k)', 'share', 0, 0.01, 0.0005, 'HypeAuditor 2026 report (secondary)'),
  tailExponent: d('Follower density exponent above 1M', 'exponent', 1.5, 3.5, 0.05, 'Kwak et al., WWW 2010 (≈2.3 over the body of Twitter\'s in-degree)'),
  minFollowers: d('Fewest followers', 'accounts', 10, 1000, 10, A),
  maxFollowers: d('Most followers', 'accounts', 1_000_000, 200_000_000, 1_000_000, A),

  'fraudRateByTier.nano': d('Nano accounts with bought followers', 'share', 0, 1, 0.01, 'industry reports 2021 (secondary): 42% of nano accounts involved in fraud'),
  'fraudRateByTier.micro': d('Micro accounts with bought followers', 'share', 0, 1, 0.01, 'assumption (between the reported 42% nano and 66% over 1M)'),
  'fraudRateByTier.mid': d('Mid accounts with bought followers', 'share', 0, 1, 0.01, 'assumption (between the reported 42% nano and 66% over 1M)'),
  'fraudRateByTier.macro': d('Macro accounts with bought followers', 'share', 0, 1, 0.01, 'assumption (between the reported 42% nano and 66% over 1M)'),
  'fraudRateByTier.mega': d('Mega accounts with bought followers', 'share', 0, 1, 0.01, 'industry reports 2021 (secondary): 66% of 1M+ accounts involved in fraud'),
  boughtShareMean: d('Mean bought share of an account that bought followers', 'share', 0, 0.9, 0.01, A),
  inactiveShareMean: d(
    'Mean inactive share of every account',
    'share',
    0,
    0.5,
    0.01,
    'assumption (industry reports 2021: ~55% of all Instagram accounts are real people, not of an influencer\'s followers; the realized genuine share is on the data page)',
  ),
  'boughtFollowers[].share': d('Fake share after buying followers', 'share', 0, 0.95, 0.01, A),
  auditSample: d('Followers a fake-follower audit inspects per account', 'followers', 10, 1000, 10, A),
  auditPassThrough: d('Fakes sophisticated enough to pass the audit as real', 'share', 0, 1, 0.01, A),

  'engagementByTier.1k-5k': d('Engagement rate, 1k–5k followers', 'share', 0, 0.2, 0.001, 'Modash engagement benchmark (3.4–4.4%)'),
  'engagementByTier.5k-10k': d('Engagement rate, 5k–10k followers', 'share', 0, 0.2, 0.001, 'Modash engagement benchmark (1.3–1.6%)'),
  'engagementByTier.10k-100k': d('Engagement rate, 10k–100k followers', 'share', 0, 0.2, 0.001, 'Modash engagement benchmark (0.8–1.1%)'),
  'engagementByTier.100k-1M': d('Engagement rate, 100k–1M followers', 'share', 0, 0.2, 0.001, 'Modash engagement benchmark (~0.9–1.3%)'),
  'engagementByTier.1M+': d(
    'Engagement rate, over 1M followers',
    'share',
    0,
    0.2,
    0.001,
    'Modash engagement benchmark (~0.9–1.3%); the low end, so cost per like is lowest in the middle (Wies, Bleier & Edeling, J. Marketing 2023)',
  ),
  engagementSpread: d('Spread of engagement between accounts of a tier', 'log sd', 0, 1.5, 0.05, A),
  referenceEngagement: d('Engagement rate at which trust is neutral', 'share', 0.001, 0.1, 0.001, A),

  baseClickRate: d(
    'Clicks per impression, fully matching audience',
    'share',
    0.0001,
    0.2,
    0.0001,
    'assumption (a ceiling, not a rate: no like-for-like source; the 0.018% CTR of a public 1,143-ad campaign dataset is of Facebook paid ads, and the realized rate is shown beside it on the data page)',
  ),
  baseConversionRate: d(
    'Purchases per click, fully matching clicker at the reference price',
    'share',
    0.001,
    0.5,
    0.001,
    'assumption (no like-for-like source: ≈ 0.03 approved conversions per click of Facebook paid ads in a public 1,143-ad campaign dataset; the realized rate is on the data page)',
  ),
  referencePrice: d('Reference price', 'USD', 1, 1000, 1, A),

  costFixed: d('Fixed fee per post (c_a)', 'USD', 0, 1000, 5, 'Bakshy et al., WSDM 2011 (cost model); level: pricing guides (secondary), nano $10–100'),
  costPerFollower: d('Fee per follower (c_f)', 'USD', 0, 0.1, 0.001, 'pricing guides (secondary): ≈ $0.01 per follower'),
  costSpread: d('Spread of fees around the cost model', 'log sd', 0, 1, 0.05, A),

  hiddenFollowers: d('Hidden followers simulated per account', 'followers', 20, 1000, 10, A),
  audienceSample: d('Followers sampled for observed audience topics', 'followers', 5, 500, 5, A),
  audienceMinCount: d('Sampled followers needed to report a topic', 'followers', 1, 10, 1, A),
  interestsPerFollower: d('Mean interests per follower', 'topics', 1, 6, 0.1, A),
  audienceFocus: d('Followers drawn by the account\'s community, at 1k followers', 'share', 0, 1, 0.01, A),
  audienceFocusDecline: d('Drop of that share per tenfold followers', 'share', 0, 0.3, 0.005, A),
  observeRate: d('Chance an audience tool sees a follower\'s interest', 'share', 0, 1, 0.01, A),
  spuriousRate: d('Chance an audience tool adds a spurious interest', 'share', 0, 1, 0.01, A),
  hierarchyDecay: d(
    'Weight of a child-topic interest for its parent, per level, in the hidden match (the relevance score has its own constant, RELEVANCE_DECAY)',
    'share',
    0,
    1,
    0.05,
    A,
  ),

  briefNoise: d("Noise on the brief's topic weights (marketer's guess vs the customers' profile)", 'log sd', 0, 1.5, 0.05, A),
  briefTopics: d('Most topics a brief names', 'topics', 1, 8, 1, A),
  briefMissRate: d("Chance the brief misses one of the customers' topics", 'share', 0, 0.8, 0.01, A),

  postsMedian: d('Median posts per account in 90 days', 'posts', 1, 100, 1, A),
  postsMin: d('Fewest posts per account in 90 days', 'posts', 1, 100, 1, A),
  postsMax: d('Most posts per account in 90 days', 'posts', 1, 200, 1, A),
  oneOffRate: d('Chance a post is a one-off mention of an unrelated topic', 'share', 0, 0.5, 0.01, A),
  sponsoredShareNano: d('Sponsored share of posts, 1k followers', 'share', 0, 1, 0.01, A),
  sponsoredShareMega: d('Sponsored share of posts, 1M followers', 'share', 0, 1, 0.01, A),
  podShare: d('Accounts in engagement pods', 'share', 0, 0.5, 0.01, A),
  podLikesBase: d('Extra likes per post from a pod (fixed part)', 'likes', 0, 500, 1, A),
  podLift: d('Extra likes per post from a pod (share of organic likes)', 'share', 0, 3, 0.05, A),
  indiscriminateShare: d('Organic likes from indiscriminate reactors', 'share', 0, 0.9, 0.01, A),
  influencerReactorShare: d('Organic reactions from other influencers', 'share', 0, 0.5, 0.01, A),
  reactionSampleCap: d('Reaction events kept per post', 'events', 3, 100, 1, A),

  'placementTierMix.nano': d('Placements from nano accounts (target)', 'share', 0, 1, 0.01, A),
  'placementTierMix.micro': d('Placements from micro accounts (target)', 'share', 0, 1, 0.01, A),
  'placementTierMix.mid': d('Placements from mid accounts (target)', 'share', 0, 1, 0.01, A),
  'placementTierMix.macro': d('Placements from macro accounts (target)', 'share', 0, 1, 0.01, A),
  'placementTierMix.mega': d('Placements from mega accounts (target)', 'share', 0, 1, 0.01, A),
  shortlistShare: d('Placements from the brand\'s shortlist (accounts in its field)', 'share', 0, 1, 0.01, A),
};

/** The numeric leaves of a parameter object with their paths (arrays as 'name[].field'). */
export function paramLeaves(params: WorldParams): { path: string; value: number }[] {
  const out: { path: string; value: number }[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'number') out.push({ path: key, value });
    else if (Array.isArray(value)) {
      for (const item of value) out.push({ path: `${key}[].share`, value: (item as BoughtFollowers).share });
    } else for (const [k, v] of Object.entries(value as Record<string, number>)) out.push({ path: `${key}.${k}`, value: v });
  }
  return out;
}

/** Throws a RangeError naming the first parameter that is not a finite number within its documented range. */
export function checkParams(params: WorldParams): void {
  for (const { path, value } of paramLeaves(params)) {
    const doc = PARAM_DOCS[path];
    if (!doc) throw new RangeError(`unknown parameter ${path}`);
    if (!Number.isFinite(value) || value < doc.min || value > doc.max) {
      throw new RangeError(`parameter ${path} = ${value} is outside [${doc.min}, ${doc.max}]`);
    }
  }
  const { nano, micro, mega } = params.sizeMix;
  if (nano + micro + mega >= 1) throw new RangeError('sizeMix shares must leave room for 100k–1M accounts (sum < 1)');
  if (params.reshareRate * params.reshareReach >= 1) throw new RangeError('reshareRate × reshareReach must stay below 1 (else a cascade never ends)');
  if (params.postsMin > params.postsMax) throw new RangeError('postsMin must not exceed postsMax');
  if (!Number.isInteger(params.accounts) || !Number.isInteger(params.placementsPerBrand)) {
    throw new RangeError('accounts and placementsPerBrand must be integers');
  }
  if (!Number.isInteger(params.auditSample) || !Number.isInteger(params.briefTopics)) {
    throw new RangeError('auditSample and briefTopics must be integers');
  }
}
