/** The columns the analysis needs, and which of the file's columns holds each. */
export const ROLES = ['handle', 'reach', 'engagement', 'cost', 'conversions', 'revenue', 'topics'] as const;
export type Role = (typeof ROLES)[number];
export type Mapping = Record<Role, string | null>;

export const ROLE_LABELS: Record<Role, string> = {
  handle: 'Account handle, ad name or code (optional)',
  reach: 'Reach: followers, reach, impressions or views',
  engagement: 'Engagement: reactions per post (optional)',
  cost: 'Cost: the amount spent or the fee (optional)',
  conversions: 'Conversions: sales, orders, purchases, code uses',
  revenue: 'Revenue: sales value (optional)',
  topics: 'Topics of the account (optional)',
};

export const NUMERIC_ROLES: Role[] = ['reach', 'engagement', 'cost', 'conversions', 'revenue'];
/** The analysis cannot run without these. */
export const REQUIRED_ROLES: Role[] = ['reach', 'conversions'];
/** The mapping step asks for these when no column was recognised (the handle finds rows of the same account). */
export const ASKED_ROLES: Role[] = ['handle', 'reach', 'conversions'];

/**
 * Column names that mean a role, as the exports spell them (normalised here: lower case, words
 * joined by _), best first. Where a name comes from a platform's export, the page it was copied
 * from is cited beside it; "no source" marks a name seen in hand-kept sheets that no page gave.
 *
 * [meta-glossary] Meta Ads Manager metrics "Amount spent", "Reach", "Impressions", "Results",
 *   "Cost per result": https://brainscape.com/flashcards/monitor-and-edit-ad-campaigns-in-ads-man-10045264/packs/17888373
 *   and "Amount Spent": https://brandee.edu.vn/glossary/196476577203529-facebook-en (a copy of Facebook's help page)
 * [metricool-meta] Meta Ads "Reach", "Impressions", "Spent", "Conversions", "Results", "Conversion value", "CPM", "CPC":
 *   https://help.metricool.com/en/article/facebook-ads-metrics-l7615/
 * [deepdivr] Facebook "Purchases", "Cost per purchase", "Purchase Conversion value":
 *   https://intercom.help/deepdivr/en/articles/3798173-purchases-incl-cost-rate-value-roas
 * [tiktok] TikTok Ads Manager basic metrics "Cost", "Impressions", "Reach", "Conversions", "Cost per conversion",
 *   "CPM", "CPC (destination)", "Clicks (destination)", "Paid likes": https://ads.tiktok.com/help/article?aid=10000166
 * [converge-tiktok] TikTok "Ad Spend", "Purchases", "Revenue": https://docs.runconverge.com/ad-platforms/integrations/tiktok
 * [shopify-sales] Shopify sales report "Orders", "Gross sales", "Discounts", "Returns", "Net sales", "Total sales"
 *   (as replicated from Shopify's report): https://gitlab.com/meltano/meltano/issues/1785
 * [discount-report] sales-by-discount report fields "Discount code", "Discount name", "Orders":
 *   https://help-qa.weimobgro.com/docs/expand-genstore-analytics-reports-sales-discount
 * [upfluence] creator-platform sales columns "Number of sales", "Total generated sales value", "Amount due":
 *   https://help.upfluence.co/en/articles/9414714-how-to-track-influencer-sales-and-pay-commissions
 */
const SYNONYMS: Record<Role, string[]> = {
  handle: [
    'handle', 'username', 'user_name', 'account', 'influencer', 'creator', // no source: hand-kept sheets
    'ad_name', // no source found for the exact Meta/TikTok column name "Ad name"
    'discount_code', 'discount_name', // [discount-report]
    'creator_name', 'influencer_name', 'promo_code', 'code', // no source: hand-kept sheets
    'name', 'screen_name', 'channel', 'profile', 'id', 'influencer_id', 'account_id', // no source
    'campaign', // [metricool-meta] "Campaign: name of the campaign"
  ],
  reach: [
    'followers', 'follower_count', 'followers_count', // no source: hand-kept sheets and creator exports
    'reach', // [meta-glossary] [tiktok]
    'audience', 'audience_size', 'subscribers', 'fans', 'followers_total', 'size', // no source
    'impressions', // [meta-glossary] [tiktok]
    'views', 'video_views', 'plays', // no source
  ],
  engagement: [
    'reactions_per_post', 'engagement', 'engagements', 'avg_engagement', 'engagement_per_post', 'reactions', 'interactions', 'likes', 'avg_likes', // no source
    'post_engagement', 'post_engagements', // no source found for Meta's exact column name
    'paid_likes', // [tiktok]
    'engagement_rate', // no source
  ],
  cost: [
    'amount_spent', // [meta-glossary]
    'cost', // [tiktok]
    'spent', // [metricool-meta]
    'ad_spend', // [converge-tiktok]
    'spend', 'total_spend', 'total_cost', 'fee', 'fees', 'price', 'paid', 'amount_paid', 'budget', 'cost_usd', 'fee_usd', 'rate', // no source: hand-kept sheets
    'amount_due', // [upfluence] (the commission due to the creator)
  ],
  conversions: [
    'conversions', // [tiktok] [metricool-meta]
    'purchases', // [deepdivr] [converge-tiktok]
    'orders', // [shopify-sales] [discount-report]
    'number_of_sales', // [upfluence]
    'conversion', 'sales', 'signups', 'sign_ups', 'installs', 'leads', 'units_sold', 'conv', // no source: hand-kept sheets
    'promo_code_uses', 'code_uses', 'uses', 'redemptions', // no source: hand-kept sheets
    'results', // [meta-glossary] (the objective's outcomes: purchases only when the objective is sales)
  ],
  revenue: [
    'revenue', // [converge-tiktok]
    'purchases_conversion_value', // no source found for this exact spelling; [deepdivr] has "Purchase Conversion value"
    'purchase_conversion_value', // [deepdivr]
    'conversion_value', // [metricool-meta]
    'total_generated_sales_value', // [upfluence]
    'total_sales', 'gross_sales', 'net_sales', // [shopify-sales]
    'sales_revenue', 'revenue_usd', 'gmv', 'income', 'sales_value', 'turnover', 'total_purchase_value', 'purchase_value', // no source
  ],
  topics: ['topics', 'topic', 'niche', 'category', 'categories', 'interests', 'tags', 'vertical'], // no source
};

/** A per-unit figure (cost per result, CPM, CTR, rates, averages, ROAS): never a total, so never a numeric role's column. */
const PER_UNIT = /(^|_)(per|cpm|cpc|cpa|cpv|ctr|cvr|roas|rate|average|avg|frequency|percent|pct)(_|$)/;
/** Currency codes that label a column without changing its meaning ("Amount spent (USD)"). */
const LABELS = /(^|_)(usd|eur|gbp|cad|aud)(?=_|$)/g;

export const normaliseName = (name: string): string =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** How well a column name fits a role: 100 for the best synonym down to 60, 30 for a synonym inside the name; 0 for none or for a per-unit figure in a numeric role. */
export function nameScore(name: string, role: Role): number {
  const n = normaliseName(name);
  const list = SYNONYMS[role];
  if (NUMERIC_ROLES.includes(role) && PER_UNIT.test(n) && !list.includes(n)) return 0;
  const bare = n.replace(LABELS, '').replace(/^_+|_+$/g, '').replace(/__+/g, '_');
  const exact = list.indexOf(n) >= 0 ? list.indexOf(n) : bare ? list.indexOf(bare) : -1;
  if (exact >= 0) return 100 - Math.min(40, exact);
  const words = n.split('_');
  for (let k = 0; k < list.length; k++) if ((list[k].length >= 3 && words.includes(list[k])) || (list[k].length > 3 && n.includes(list[k]))) return 30 - Math.min(20, k);
  return 0;
}

/**
 * The columns that best fit each role by name, each column used once, the required roles chosen
 * first; a numeric role only takes a column whose cells are mostly numbers (`isNumeric`).
 */
export function autoMap(names: string[], isNumeric: (column: string) => boolean): Mapping {
  const mapping = emptyMapping();
  const used = new Set<string>();
  const candidates: { role: Role; name: string; score: number }[] = [];
  for (const role of ROLES) for (const name of names) {
    const score = nameScore(name, role);
    if (score > 0) candidates.push({ role, name, score: score + (REQUIRED_ROLES.includes(role) ? 1 : 0) });
  }
  candidates.sort((a, b) => b.score - a.score);
  for (const c of candidates) {
    if (mapping[c.role] !== null || used.has(c.name)) continue;
    if (NUMERIC_ROLES.includes(c.role) && !isNumeric(c.name)) continue;
    mapping[c.role] = c.name;
    used.add(c.name);
  }
  return mapping;
}

export const emptyMapping = (): Mapping => Object.fromEntries(ROLES.map((r) => [r, null])) as Mapping;

export type ReachProxy = 'followers' | 'reach' | 'impressions' | 'views';

/** What the reach column measures, from its name: followers (audience size), reach (people who saw), impressions (times shown) or views; null when the name does not say. */
export function reachProxy(column: string): ReachProxy | null {
  const n = normaliseName(column);
  if (/follow|subscri|fans|audience/.test(n)) return 'followers';
  if (/impression/.test(n)) return 'impressions';
  if (/view|plays/.test(n)) return 'views';
  if (/reach/.test(n)) return 'reach';
  return null;
}

export const PROXY_MEANING: Record<ReachProxy, string> = {
  followers: 'followers: the size of each account\'s audience',
  reach: 'reach: the number of people who saw each placement at least once',
  impressions: 'impressions: the number of times each placement was shown (one person can count many times)',
  views: 'views: the number of times each video or post was played',
};
