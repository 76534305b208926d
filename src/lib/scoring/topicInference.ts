/** One row per topic mention in a post: who posted, in which week, about what (topic ids as strings). */
export interface TopicMentions {
  account: ArrayLike<number | null>;
  week: ArrayLike<number | null>;
  topic: ArrayLike<string | null>;
}

export type TopicProfiles = Map<number, Map<string, number>>;

/** Klout-style topics: per account, the share of its mention rows on each topic (any mention counts, once is enough); rows with a null/NaN account or an empty/null topic are skipped (week is not used); throws RangeError when column lengths differ. */
export function naiveTopics(posts: TopicMentions): TopicProfiles {
  const counts: TopicProfiles = new Map();
  forEachRow(posts, false, (account, topic) => {
    const row = profile(counts, account);
    row.set(topic, (row.get(topic) ?? 0) + 1);
  });
  for (const row of counts.values()) normalise(row);
  return counts;
}

/**
 * Persistent topics: per account, the topics mentioned in at least minWeeks distinct weeks, weighted
 * by (weeks mentioned) × ln(N accounts ÷ accounts mentioning the topic at all), normalised to sum 1.
 * Every account with a valid row gets a map, empty when nothing qualifies (one-off topics, or only
 * topics every account mentions, whose idf is 0). Rows with a null/NaN account or week or an
 * empty/null topic are skipped; throws RangeError when column lengths differ.
 */
export function persistentTopics(posts: TopicMentions, { minWeeks = 3 }: { minWeeks?: number } = {}): TopicProfiles {
  const weeks = new Map<number, Map<string, Set<number>>>();
  forEachRow(posts, true, (account, topic, week) => {
    let row = weeks.get(account);
    if (!row) weeks.set(account, (row = new Map()));
    let set = row.get(topic);
    if (!set) row.set(topic, (set = new Set()));
    set.add(week);
  });
  const accountsWithTopic = new Map<string, number>();
  for (const row of weeks.values()) for (const topic of row.keys()) accountsWithTopic.set(topic, (accountsWithTopic.get(topic) ?? 0) + 1);
  const out: TopicProfiles = new Map();
  for (const [account, row] of weeks) {
    const weights = profile(out, account);
    for (const [topic, set] of row) {
      if (set.size < minWeeks) continue;
      const w = set.size * Math.log(weeks.size / (accountsWithTopic.get(topic) as number));
      if (w > 0) weights.set(topic, w);
    }
    normalise(weights);
  }
  return out;
}

function forEachRow(
  posts: TopicMentions,
  needWeek: boolean,
  visit: (account: number, topic: string, week: number) => void,
): void {
  const { account, week, topic } = posts;
  const n = account.length;
  if (week.length !== n || topic.length !== n) {
    throw new RangeError(`account, week and topic differ in length (${n}, ${week.length}, ${topic.length})`);
  }
  for (let i = 0; i < n; i++) {
    const a = account[i];
    const t = topic[i];
    const w = week[i];
    if (a == null || a !== a || !t || (needWeek && (w == null || w !== w))) continue;
    visit(a, t, w as number);
  }
}

function profile(profiles: TopicProfiles, account: number): Map<string, number> {
  let row = profiles.get(account);
  if (!row) profiles.set(account, (row = new Map()));
  return row;
}

function normalise(row: Map<string, number>): void {
  let total = 0;
  for (const v of row.values()) total += v;
  if (total > 0) for (const [k, v] of row) row.set(k, v / total);
}
