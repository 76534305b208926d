/** The columns the analysis needs, and which of the file's columns holds each. */
export const ROLES = ['handle', 'reach', 'engagement', 'cost', 'conversions', 'revenue', 'topics'] as const;
export type Role = (typeof ROLES)[number];
export type Mapping = Record<Role, string | null>;

export const ROLE_LABELS: Record<Role, string> = {
  handle: 'Account handle (optional)',
  reach: 'Reach: followers or audience size',
  engagement: 'Engagement: reactions per post (optional)',
  cost: 'Cost of the placement (optional)',
  conversions: 'Conversions: sales, sign-ups',
  revenue: 'Revenue (optional)',
  topics: 'Topics of the account (optional)',
};

export const NUMERIC_ROLES: Role[] = ['reach', 'engagement', 'cost', 'conversions', 'revenue'];
export const REQUIRED_ROLES: Role[] = ['reach', 'conversions'];

/** Names that mean a role, normalised (lower case, words joined by _), best first. */
const SYNONYMS: Record<Role, string[]> = {
  handle: ['handle', 'username', 'user_name', 'account', 'influencer', 'creator', 'name', 'screen_name', 'channel', 'profile', 'id', 'influencer_id', 'account_id'],
  reach: ['followers', 'follower_count', 'followers_count', 'reach', 'audience', 'audience_size', 'subscribers', 'fans', 'followers_total', 'size'],
  engagement: ['reactions_per_post', 'engagement', 'engagements', 'avg_engagement', 'engagement_per_post', 'reactions', 'interactions', 'likes', 'avg_likes', 'engagement_rate'],
  cost: ['cost', 'fee', 'spend', 'price', 'paid', 'amount_paid', 'budget', 'cost_usd', 'fee_usd', 'rate'],
  conversions: ['conversions', 'conversion', 'sales', 'purchases', 'orders', 'signups', 'sign_ups', 'installs', 'leads', 'units_sold', 'conv'],
  revenue: ['revenue', 'sales_revenue', 'revenue_usd', 'gmv', 'income', 'sales_value', 'turnover'],
  topics: ['topics', 'topic', 'niche', 'category', 'categories', 'interests', 'tags', 'vertical'],
};

export const normaliseName = (name: string): string =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** How well a column name fits a role: 100 for the best synonym down to 60, 30 for a synonym inside the name; 0 for none. */
export function nameScore(name: string, role: Role): number {
  const n = normaliseName(name);
  const list = SYNONYMS[role];
  const exact = list.indexOf(n);
  if (exact >= 0) return 100 - Math.min(40, exact * 3);
  const words = n.split('_');
  for (let k = 0; k < list.length; k++) if ((list[k].length >= 3 && words.includes(list[k])) || (list[k].length > 3 && n.includes(list[k]))) return 30 - Math.min(20, k);
  return 0;
}

/**
 * The columns that best fit each role by name, each column used once, the required roles chosen
 * first; a numeric role only takes a column whose cells are mostly numbers (`isNumeric`).
 */
export function autoMap(names: string[], isNumeric: (column: string) => boolean): Mapping {
  const mapping = Object.fromEntries(ROLES.map((r) => [r, null])) as Mapping;
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
