/**
 * The data dictionary: every table the report uses, its grain and every column with its type,
 * unit and origin. The build writes files from it, the data page renders it, and a test keeps it
 * equal to the real schema, so this file is the one place a column is described.
 */

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN';

export interface Column {
  name: string;
  type: ColumnType;
  unit: string;
  description: string;
}

export interface Table {
  name: string;
  grain: string;
  /** Where the rows come from: simulated, real (Klout), or derived by build SQL. */
  origin: string;
  /** Shipped to the browser, or kept at build time only (event-level data). */
  shipped: boolean;
  columns: Column[];
}

const c = (name: string, type: ColumnType, unit: string, description: string): Column => ({ name, type, unit, description });

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
    grain: "one brand × topic of its customers' interest profile",
    origin: 'simulated, on real Klout topics',
    shipped: true,
    columns: [
      c('brand_id', 'INTEGER', 'id', 'brand id'),
      c('topic_id', 'VARCHAR', 'id', 'Klout topic id'),
      c('weight', 'DOUBLE', 'share', "weight of the topic in the brand's customer profile (sums to 1 per brand)"),
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
      c('fake_follower_share', 'DOUBLE', 'share', 'share of followers that are bought or inactive, 0–1'),
      c('niche_topic_id', 'VARCHAR', 'id', 'the Klout topic the account mostly posts about'),
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
      c('niche_share', 'DOUBLE', 'share', 'share of its posts on its own niche topic (PeerIndex-like activity within its topics)'),
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
      c('impressions', 'BIGINT', 'views', 'times the post was shown'),
      c('clicks', 'BIGINT', 'clicks', 'clicks on the tracked link'),
      c('conversions', 'INTEGER', 'purchases', 'purchases with the promo code or tracked link'),
      c('revenue', 'DOUBLE', 'USD', 'conversions × price'),
      c(
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
      c('expected_conversions', 'DOUBLE', 'purchases', 'expected purchases from one post (hidden from every score)'),
      c('conversions', 'INTEGER', 'purchases', 'realized purchases, one draw'),
      c('revenue', 'DOUBLE', 'USD', 'realized conversions × price'),
      c('expected_recalled', 'DOUBLE', 'people', 'expected genuine people who recall one post (hidden from every score)'),
      c('recalled', 'INTEGER', 'people', 'realized people who recall it, one draw'),
    ],
  },
];

export const tableByName = (name: string): Table => {
  const t = TABLES.find((x) => x.name === name);
  if (!t) throw new Error(`unknown table ${name}`);
  return t;
};
