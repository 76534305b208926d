/**
 * The data dictionary: every table the report uses, its grain and every column with its type,
 * unit, origin and what kind of knowledge it is (SCIENCE.md §7). The build writes files from it,
 * the data page renders it, and tests keep it equal to the real schema and keep every score off
 * the oracle and hidden columns, so this file is the one place a column is described.
 */

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN';

/**
 * observable: what a marketer could obtain (counts, posts, an audit, an audience tool's sample, a
 * brief, a post's tracked results). oracle: the simulator's expectations, shipped for the oracle
 * ranking and the noise ceiling only. hidden: the simulator's own truth (each follower's interests,
 * the true fake share, the generator's customer profile, the account's community), never shipped.
 */
export type ColumnKind = 'observable' | 'oracle' | 'hidden';

export interface Column {
  name: string;
  type: ColumnType;
  unit: string;
  description: string;
  kind: ColumnKind;
  /** An outcome a score is judged against (what a post did): observable once the post ran, never a score's input. */
  outcome?: true;
}

export interface Table {
  name: string;
  grain: string;
  /** Where the rows come from: simulated, real (Klout), or derived by build SQL. */
  origin: string;
  /** Shipped to the browser, or kept at build time only (event-level data, or the hidden layer). */
  shipped: boolean;
  /** The simulator's hidden layer: never shipped, never loaded into DuckDB (simulateWorldWithTruth returns it for tests). */
  hidden?: true;
  columns: Column[];
}

const c = (name: string, type: ColumnType, unit: string, description: string, kind: ColumnKind = 'observable'): Column => ({ name, type, unit, description, kind });
/** A column's entry (observable unless said otherwise), for tables described elsewhere too (Your data's downloads). */
export { c as column };
const outcome = (name: string, type: ColumnType, unit: string, description: string): Column => ({ ...c(name, type, unit, description), outcome: true });

// The tables are declared in full, one literal each: they read alike because they are data of one shape, not copied logic.
export const TABLES: Table[] = [
  {
    name: 'topics',
    grain: 'one Klout topic (those used by this world and all their ancestors)',
    origin: 'real: Klout topic ontology 2018-06-01 (CC BY 3.0)',
    shipped: true,
    columns: [
      c('topic_id', 'VARCHAR', 'id', "Klout's topic id, an unsigned 64-bit integer kept as text so no digit is lost"),
      c('slug', 'VARCHAR', '', 'URL-style name, e.g. bikram-yoga'),
      c('name', 'VARCHAR', '', 'display name'),
      c('super_topic', 'VARCHAR', '', 'slug of the super-topic it sits under (first found walking up)'),
      c('depth', 'INTEGER', 'levels', 'shortest distance below the root (super-topics are 1)'),
    ],
  },
  {
    name: 'topic_edges',
    grain: "one parent → child link of the ontology (a DAG: a topic may have several parents; parent '0' is the root, which has no row in topics)",
    origin: 'real: Klout topic edges 2018-06-01 (CC BY 3.0), restricted to the shipped topics',
    shipped: true,
    columns: [
      c('parent_id', 'VARCHAR', 'id', 'parent topic id'),
      c('child_id', 'VARCHAR', 'id', 'child topic id'),
    ],
  },
  {
    name: 'brands',
    grain: 'one (fictional) brand running campaigns',
    origin: 'simulated; prices and margins are assumptions',
    shipped: true,
    columns: [
      c('brand_id', 'INTEGER', 'id', 'brand id'),
      c('slug', 'VARCHAR', '', 'short name used in URLs'),
      c('name', 'VARCHAR', '', 'display name'),
      c('category', 'VARCHAR', '', 'what it sells'),
      c('price', 'DOUBLE', 'USD', 'price of one purchase'),
      c('margin', 'DOUBLE', 'share', 'gross margin of one purchase, 0–1'),
      c('goal', 'VARCHAR', '', "campaign goal: 'sales' or 'awareness'"),
    ],
  },
  {
    name: 'brand_topics',
    grain: "one brand × topic of its brief: the handful of topics a marketer would name for the brand's customers",
    origin:
      "simulated, on real Klout topics: a rough, truncated, noisy version of the customers' hidden profile (customer_profiles; parameters briefNoise, briefTopics, briefMissRate)",
    shipped: true,
    columns: [
      c('brand_id', 'INTEGER', 'id', 'brand id'),
      c('topic_id', 'VARCHAR', 'id', 'Klout topic id'),
      c('weight', 'DOUBLE', 'share', "the brief's weight of the topic (sums to 1 per brand)"),
    ],
  },
  {
    name: 'influencers',
    grain: 'one (fictional) account',
    origin: 'simulated',
    shipped: true,
    columns: [
      c('influencer_id', 'INTEGER', 'id', 'account id'),
      c('handle', 'VARCHAR', '', 'fictional handle'),
      c('tier', 'VARCHAR', '', 'size tier by followers, fake ones included: nano (<10k), micro (<100k), mid (<500k), macro (<1M), mega (≥1M)'),
      c('followers', 'BIGINT', 'accounts', 'followers, fake ones included'),
      c('follows', 'BIGINT', 'accounts', 'accounts it follows (\'following\' is an SQL keyword)'),
      c('account_age_days', 'INTEGER', 'days', 'age of the account'),
      c(
        'audit_fake_share',
        'DOUBLE',
        'share',
        'share of an audit sample of its followers (auditSample of them) that look fake; sophisticated fakes (auditPassThrough) pass as real',
      ),
      c('persona', 'VARCHAR', '', "a named example account of the essay (e.g. 'pop-star', 'yoga-teacher'), else empty"),
    ],
  },
  {
    name: 'audience_topics',
    grain: 'one account × topic, estimated from a sample of its followers',
    origin: 'simulated: a noisy observation of the hidden follower interests',
    shipped: true,
    columns: [
      c('influencer_id', 'INTEGER', 'id', 'account id'),
      c('topic_id', 'VARCHAR', 'id', 'Klout topic id'),
      c('share', 'DOUBLE', 'share', 'share of sampled followers interested in the topic'),
    ],
  },
  {
    name: 'posts',
    grain: 'one post in the 90-day window',
    origin: 'simulated',
    shipped: false,
    columns: [
      c('post_id', 'INTEGER', 'id', 'post id'),
      c('influencer_id', 'INTEGER', 'id', 'author'),
      c('day', 'INTEGER', 'day', 'day of the window, 0–89'),
      c('topic_id', 'VARCHAR', 'id', 'Klout topic the post mentions'),
      c('is_sponsored', 'BOOLEAN', '', 'a paid post'),
      c('likes', 'INTEGER', 'reactions', 'likes received'),
      c('shares', 'INTEGER', 'reactions', 'reshares received'),
      c('replies', 'INTEGER', 'reactions', 'replies received'),
      c('unique_reactors', 'INTEGER', 'accounts', 'distinct accounts that reacted'),
    ],
  },
  {
    name: 'reactions',
    grain: 'one reaction event (a sample of at most a fixed number per post, weighted)',
    origin: 'simulated; aggregated at build time only',
    shipped: false,
    columns: [
      c('post_id', 'INTEGER', 'id', 'post reacted to'),
      c('reactor_id', 'INTEGER', 'id', 'reacting account: ids up to the number of accounts are influencers themselves, the rest ordinary or indiscriminate people'),
      c('day', 'INTEGER', 'day', 'day of the reaction'),
      c('kind', 'VARCHAR', '', "'like', 'share' or 'reply'"),
      c('sample_weight', 'DOUBLE', 'reactions', 'how many real reactions this sampled event stands for'),
    ],
  },
  {
    name: 'account_topic_weeks',
    grain: 'one account × topic × week with at least one post',
    origin: 'derived at build time from posts by SQL',
    shipped: true,
    columns: [
      c('influencer_id', 'INTEGER', 'id', 'account id'),
      c('topic_id', 'VARCHAR', 'id', 'Klout topic mentioned'),
      c('week', 'INTEGER', 'week', 'week of the window, 0–12'),
      c('mentions', 'INTEGER', 'posts', 'posts on the topic that week'),
    ],
  },
  {
    name: 'account_features',
    grain: 'one account, over the 90-day window',
    origin: 'derived at build time from posts and reactions by SQL',
    shipped: true,
    columns: [
      c('influencer_id', 'INTEGER', 'id', 'account id'),
      c('followers', 'BIGINT', 'accounts', 'followers'),
      c('posts', 'INTEGER', 'posts', 'posts in the window'),
      c('sponsored_posts', 'INTEGER', 'posts', 'paid posts in the window'),
      c('reactions', 'DOUBLE', 'reactions', 'reactions received'),
      c('replies', 'DOUBLE', 'reactions', 'replies received'),
      c('shares', 'DOUBLE', 'reactions', 'reshares received'),
      c('reactions_per_post', 'DOUBLE', 'reactions', 'reactions ÷ posts'),
      c('unique_reactors', 'DOUBLE', 'accounts', 'distinct reacting accounts (estimated from the sample)'),
      c('selective_reactions', 'DOUBLE', 'reactions', "reactions each weighted by 1 ÷ that reactor's reactions that day"),
      c('kred_points', 'DOUBLE', 'points', 'Kred-like points: 1 per reaction received, 10 if the reacting account has 10,000+ followers (an assumption)'),
      c('reactions_given', 'DOUBLE', 'reactions', "reactions the account gave to others' posts (Kred's outreach)"),
      c('reshare_authority', 'DOUBLE', 'points', 'reshares received, each weighted by ln(2 + followers of the account that reshared) (PeerIndex-like authority)'),
      c('top_topic_id', 'VARCHAR', 'id', 'its visible niche: the Klout topic it posted about most in the window (ties: the smallest topic id, as text)'),
      c('niche_share', 'DOUBLE', 'share', 'share of its posts on that topic (PeerIndex-like activity within its topics)'),
    ],
  },
  {
    name: 'placements',
    grain: 'one sponsored post a brand bought from an account (the campaigns that ran)',
    origin: 'simulated',
    shipped: true,
    columns: [
      c('placement_id', 'INTEGER', 'id', 'placement id'),
      c('brand_id', 'INTEGER', 'id', 'brand'),
      c('influencer_id', 'INTEGER', 'id', 'account'),
      c('cost', 'DOUBLE', 'USD', 'fee paid for the post'),
      outcome('impressions', 'BIGINT', 'views', 'times the post was shown'),
      outcome('clicks', 'BIGINT', 'clicks', 'clicks on the tracked link'),
      outcome('conversions', 'INTEGER', 'purchases', 'purchases with the promo code or tracked link'),
      outcome('revenue', 'DOUBLE', 'USD', 'conversions × price'),
      outcome(
        'recalled',
        'INTEGER',
        'people',
        "genuine people reached (followers and reshares) who recall the post, as a brand-lift survey would count them: the awareness brand's outcome",
      ),
    ],
  },
  {
    name: 'pair_outcomes',
    grain: 'one brand × account: what one sponsored post would have done (the budget test may buy any account)',
    origin: 'simulated: expected conversions are the hidden truth, realized ones one draw',
    shipped: true,
    columns: [
      c('brand_id', 'INTEGER', 'id', 'brand'),
      c('influencer_id', 'INTEGER', 'id', 'account'),
      c('cost', 'DOUBLE', 'USD', 'fee for one post'),
      c('expected_conversions', 'DOUBLE', 'purchases', 'expected purchases from one post: for the oracle and the noise ceiling only, never read by a score', 'oracle'),
      outcome('conversions', 'INTEGER', 'purchases', 'realized purchases, one draw (what the tracked link would report had the post run)'),
      outcome('revenue', 'DOUBLE', 'USD', 'realized conversions × price'),
      c('expected_recalled', 'DOUBLE', 'people', 'expected genuine people who recall one post: for the oracle and the noise ceiling only, never read by a score', 'oracle'),
      outcome('recalled', 'INTEGER', 'people', 'realized people who recall it, one draw'),
    ],
  },
  {
    name: 'hidden_accounts',
    grain: 'one account: what the simulator knows of it and no marketer does',
    origin: 'simulated: the hidden layer, inside the simulator only',
    shipped: false,
    hidden: true,
    columns: [
      c('influencer_id', 'INTEGER', 'id', 'account id'),
      c('fake_follower_share', 'DOUBLE', 'share', 'true share of followers that are bought or inactive, 0–1 (an audit estimates it: influencers.audit_fake_share)', 'hidden'),
      c('genuine_followers', 'DOUBLE', 'accounts', 'followers who are real and active: what reach and outcomes are computed from', 'hidden'),
      c('community', 'VARCHAR', '', 'the interest community the account was drawn in (who follows it, what it posts about)', 'hidden'),
      c('generator_niche_topic_id', 'VARCHAR', 'id', "the niche topic the generator gave the account (a score sees account_features.top_topic_id, the topic it posted most)", 'hidden'),
    ],
  },
  {
    name: 'customer_profiles',
    grain: "one brand × topic of its customers' true interest profile",
    origin: 'simulated: the hidden layer, inside the simulator only (the data page shows the profiles as assumptions; brand_topics ships the brief)',
    shipped: false,
    hidden: true,
    columns: [
      c('brand_id', 'INTEGER', 'id', 'brand id'),
      c('topic_id', 'VARCHAR', 'id', 'Klout topic id'),
      c('true_weight', 'DOUBLE', 'share', "weight of the topic in the customers' profile that outcomes are computed from (sums to 1 per brand)", 'hidden'),
    ],
  },
];

export const tableByName = (name: string): Table => {
  const t = TABLES.find((x) => x.name === name);
  if (!t) throw new Error(`unknown table ${name}`);
  return t;
};
