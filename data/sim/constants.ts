/**
 * Every number the simulator is built on, with where it comes from: the world's parameters
 * (PARAM_DOCS, which the lab can change) and the constants fixed in the code (the cast of
 * catalog.ts, the spreads and shares named in each module). The data page renders this registry,
 * and a test walks every export of every data/sim module so that no number can be added
 * without a line here saying its source or "assumption".
 */
import * as accounts from './accounts.ts';
import * as audience from './audience.ts';
import * as audit from './audit.ts';
import * as brief from './brief.ts';
import * as calibration from './calibration.ts';
import * as catalog from './catalog.ts';
import * as columns from './columns.ts';
import * as context from './context.ts';
import * as fit from './fit.ts';
import * as followers from './followers.ts';
import * as handles from './handles.ts';
import * as ontology from './ontology.ts';
import * as outcomes from './outcomes.ts';
import * as params from './params.ts';
import * as placements from './placements.ts';
import * as postedNiche from './postedNiche.ts';
import * as posts from './posts.ts';
import * as reshares from './reshares.ts';
import * as streams from './streams.ts';
import * as topicSpace from './topicSpace.ts';
import * as world from './world.ts';

/** The simulator's modules by file name (without .ts), every one of them: a test checks the folder against this list. */
export const SIM_MODULES: Record<string, Record<string, unknown>> = {
  accounts,
  audience,
  audit,
  brief,
  calibration,
  catalog,
  columns,
  context,
  fit,
  followers,
  handles,
  ontology,
  outcomes,
  params,
  placements,
  postedNiche,
  posts,
  reshares,
  streams,
  topicSpace,
  world,
};

/** Exports that hold numbers but are not constants of the world, and why. */
export const NOT_CONSTANTS: Record<string, string> = {
  'params.PARAM_DOCS': "the parameters' own documentation (ranges and steps of the lab's controls)",
  'streams.STREAM': 'tags that keep random streams apart (labels, not modelling choices)',
  'params.RELEVANCE_DEFAULTS': 'the calibrated defaults of relevanceEffect and relevancePurchaseEffect, documented with those parameters',
  'calibration.MATCHED_FIT': 'fit.MATCHED_FIT, re-exported',
};

export interface ConstantDoc {
  /** Dotted path of the numbers it covers; `*` stands for one segment (a brand's slug, a topic…). */
  pattern: string;
  label: string;
  unit: string;
  /** A source, or the word "assumption" (possibly with a reason). */
  source: string;
}

const A = 'assumption';
const HAND = 'assumption (set by hand for the essay)';
const doc = (pattern: string, label: string, unit: string, source: string): ConstantDoc => ({ pattern, label, unit, source });

/** The constants fixed in the code, by path (module.EXPORT.field…). The parameters' docs are added from PARAM_DOCS. */
const CODE_DOCS: ConstantDoc[] = [
  doc('fit.MATCHED_FIT', 'Fit from which a reached person counts as matched to a brand in the calibration’s group comparisons (the best-matched fifth of the fit scale)', 'fit', A),
  doc('calibration.PUBLISHED.ctrLift.*', 'Published range of click-through lifts of a targeted segment over all users (the calibration target)', '×', 'Yan et al., WWW 2009 (up to 670% on average over ads, ≈ 7.7×)'),
  doc('calibration.PUBLISHED.perClickLift.*', 'Published range of conversions per click, targeted ÷ untargeted (the calibration target)', '×', 'MediaPost Behavioral Insider, 2009 (trade press): 2× to 4×'),
  doc('reshares.RESHARE_SAMPLE', 'People of the general population simulated to stand for those a reshare reaches', 'people', 'assumption (enough for two-digit precision)'),
  doc('accounts.BOUGHT_SHARE_DRAW.*', 'Bought share of an account that bought followers: boughtShareMean × uniform [low, low + width], at most cap', 'share', A),
  doc('accounts.INACTIVE_SHARE_DRAW.*', 'Inactive share of every account: inactiveShareMean × uniform [0, width], at most cap', 'share', A),
  doc('accounts.REPLY_SHARE.*', 'Replies per reaction: base × exp(trustElasticity × latent trust), at most cap', 'share', A),
  doc('accounts.RESHARE_SHARE.*', 'Reshares per reaction: base × a log-normal factor (spread), at most cap', 'share', A),
  doc('accounts.FOLLOWS.*', 'Accounts an account follows: log-normal around the median, clamped to [min, max]', 'accounts', A),
  doc('accounts.ACCOUNT_AGE_DAYS.*', 'Account age: uniform in [min, min + span]', 'days', A),
  doc('accounts.MASS_APPEAL_RAMP.*', 'Mass appeal pulls accounts towards big communities from 10^fromLog10 genuine followers, fully at 10^(fromLog10 + overLog10)', 'log10 followers', A),
  doc('audience.MAX_INTERESTS', 'Most interests of one hidden follower', 'topics', A),
  doc('audience.NICHE_FIRST', "Chance a follower drawn by the community follows the account for its own niche topic", 'share', A),
  doc('audience.SAME_POOL', 'Chance a further interest comes from the same pool as the first (else the general population)', 'share', A),
  doc('audience.FOCUS_FLOOR', "Least share of followers drawn by the account's community, however big the account", 'share', A),
  doc('audience.FAKE_SECOND_INTEREST', 'Chance a sampled fake or inactive follower shows a second generic interest', 'share', A),
  doc('followers.ENGAGEMENT_ANCHOR_FOLLOWERS.*', "Follower count at which each band's benchmark engagement rate holds (the band's middle; interpolated between)", 'followers', A),
  doc('outcomes.IMPRESSION_SPREAD', "Log-normal spread of one post's reach around the account's expected reach", 'log sd', A),
  doc('outcomes.NEGOTIATION_SPREAD', "Log-normal spread of one brand's fee around the account's rate card", 'log sd', A),
  doc('posts.WINDOW_DAYS', 'Days of the scoring window', 'days', 'Klout scored a 90-day window (SCIENCE.md §5)'),
  doc('posts.ON_NICHE', 'Chance an organic post is on the niche topic itself (else another topic of its community)', 'share', A),
  doc('posts.SPONSORED_ENGAGEMENT', 'Engagement of a sponsored post relative to an organic one', 'ratio', A),
  doc('posts.POST_SPREAD', "Log-normal spread of engagement between one account's posts", 'log sd', A),
  doc('posts.NOT_ALSO_LIKED', 'Chance a sharer or replier did not also like the post', 'share', A),
  doc('posts.DELAY.*', "Chance a reaction lands on the post's day / the next day (else 2–6 days later)", 'share', A),
  doc('posts.PEOPLE_PER_ACCOUNT', 'Ordinary reacting people per influencer', 'accounts', A),
  doc('posts.INDISCRIMINATE_PER_ACCOUNT', 'Indiscriminate reactors per influencer', 'accounts', A),
  doc('posts.MIN_INDISCRIMINATE', 'Fewest indiscriminate reactors in any world', 'accounts', A),
  doc('posts.POD_REPLY_RATE', 'Replies per like from an engagement pod', 'replies', A),
  doc('posts.POSTS_SPREAD', 'Log-normal spread of posts per account around the median', 'log sd', A),
  doc('params.TIER_FLOOR.*', 'Fewest followers of each size tier (nano, micro, mid, macro, mega)', 'followers', 'assumption (common industry cut-offs; the 500k macro floor is ours)'),
  doc('params.BEICHERT_REVENUE_PER_FOLLOWER.*.*', 'Revenue per follower of nano and macro influencers (a calibration target, not an input)', 'EUR, USD', 'Beichert et al., J. Marketing 2024'),
  doc('params.BEICHERT_REVENUE_PER_FOLLOWER.usdPerEur', 'US dollars per euro for that conversion', 'USD/EUR', '2023 average ECB euro reference rate'),
  doc('catalog.BRANDS.*.price', 'Price of one purchase', 'USD', A),
  doc('catalog.BRANDS.*.margin', 'Gross margin of one purchase (the ROI is on it)', 'share', A),
  doc('catalog.BRANDS.*.fitSaturation', "Share of the customer profile a follower must cover to count as a full match (low: mass market, high: niche)", 'share', A),
  doc('catalog.BRANDS.*.topics.*', "Weight of a topic in the brand's customer profile", 'share', A),
  doc('catalog.COMMUNITIES.*.share', 'Relative share of accounts in the community', 'weight', A),
  doc('catalog.COMMUNITIES.*.massAppeal', "Popularity of the community's interests in the population, and pull on large accounts", 'weight', A),
  doc('catalog.COMMUNITIES.*.topics.*', "Relative weight of an interest among the community's followers", 'weight', A),
  doc('catalog.PERSONAS.*.followers', "A hand-made account's followers", 'followers', HAND),
  doc('catalog.PERSONAS.*.fakeFollowerShare', "A hand-made account's fake-follower share", 'share', HAND),
  doc('catalog.PERSONAS.*.trust', "A hand-made account's latent trust (drives its engagement and replies)", 'sd', HAND),
  doc('catalog.PERSONAS.*.audience.*', "Interests of a hand-made account's followers, where they differ from its community's", 'weight', HAND),
];

/** Every documented number: the parameters (from PARAM_DOCS, as params.DEFAULT_PARAMS.path) and the code's constants. */
export const CONSTANT_DOCS: ConstantDoc[] = [
  ...Object.entries(params.PARAM_DOCS).map(([path, d]) => doc(`params.DEFAULT_PARAMS.${path}`, d.label, d.unit, d.source)),
  ...CODE_DOCS,
];

export interface ConstantLeaf {
  path: string;
  value: number;
}

/**
 * The numeric leaves of modules' exports, as dotted paths: objects by key, arrays of objects by
 * their `slug` or `key` (else index); functions, strings and booleans are not numbers and are
 * skipped, and so are the exports listed in `skip`.
 */
export function numericLeaves(modules: Record<string, Record<string, unknown>>, skip: Record<string, string> = NOT_CONSTANTS): ConstantLeaf[] {
  const out: ConstantLeaf[] = [];
  const walk = (path: string, v: unknown) => {
    if (typeof v === 'number') out.push({ path, value: v });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(`${path}.${(x && typeof x === 'object' && (x.slug ?? x.key)) || i}`, x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(`${path}.${k}`, x);
  };
  for (const [name, exports] of Object.entries(modules)) {
    for (const [key, value] of Object.entries(exports)) if (!(`${name}.${key}` in skip)) walk(`${name}.${key}`, value);
  }
  return out;
}

const matcher = (pattern: string) => new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.[\]()+?^${}|\\]/g, '\\$&')).join('[^.]+')}$`);

/** The doc of a path: the first pattern that matches it (undefined if none). */
export function docOf(path: string, docs: ConstantDoc[] = CONSTANT_DOCS): ConstantDoc | undefined {
  return docs.find((d) => matcher(d.pattern).test(path));
}

/** Leaves with no doc, or a doc with no source: what the test requires to be empty. */
export function undocumented(leaves: ConstantLeaf[], docs: ConstantDoc[] = CONSTANT_DOCS): string[] {
  return leaves.filter((l) => !docOf(l.path, docs)?.source.trim()).map((l) => l.path);
}

/** The code's constants (everything but the parameters and the catalog, which have tables of their own), each with its doc, for the data page. */
export function codeConstants(): (ConstantLeaf & ConstantDoc)[] {
  return numericLeaves(SIM_MODULES)
    .filter((l) => !l.path.startsWith('params.DEFAULT_PARAMS.') && !l.path.startsWith('catalog.'))
    .map((l) => ({ ...l, ...docOf(l.path)! }));
}
