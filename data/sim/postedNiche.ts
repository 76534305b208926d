/**
 * The niche a marketer can see: each account's most-posted topic over the window, ties to the
 * smallest topic id (compared as text). The build SQL computes the same from the posts
 * (account_features.top_topic_id, src/sql/build/account_features.sql); the simulator's shortlisting
 * uses this one, computed from the posts it generated, and a test keeps the two equal.
 */
export function postedNiche(posts: { influencer_id: ArrayLike<number>; topic: ArrayLike<number> }, accounts: number, ids: readonly string[]): Int32Array {
  const counts = new Map<number, number>();
  const best = new Int32Array(accounts).fill(-1);
  const bestCount = new Int32Array(accounts);
  for (let k = 0; k < posts.influencer_id.length; k++) {
    const i = posts.influencer_id[k] - 1;
    const t = posts.topic[k];
    const key = i * ids.length + t;
    const c = (counts.get(key) ?? 0) + 1;
    counts.set(key, c);
    if (c > bestCount[i] || (c === bestCount[i] && ids[t] < ids[best[i]])) {
      best[i] = t;
      bestCount[i] = c;
    }
  }
  return best;
}
