-- The explore table: one row per brand × account (what one sponsored post would have done, from
-- pair_outcomes), with the account's reach score under the current weights. Every filter is a bound
-- parameter ('' or NULL = no filter); the sort column is chosen by name from a fixed list inside
-- this text, never spliced in; a NULL limit returns every filtered row (the downloads). The row
-- count runs this text up to the line that starts the sort clause (src/lib/explore/columns.ts), so keep that clause last-but-one.
-- The account's columns (its score among them, the only part the weights change) are joined once
-- per account, a few thousand rows, and the pairs then take them by account: a weight move costs
-- one pass over the pairs, not five joins of them.
WITH accounts AS (
  SELECT i.influencer_id,
         i.handle,
         i.tier,
         coalesce(t.slug, f.top_topic_id) AS topic,
         i.followers::BIGINT AS followers,
         round(f.reactions_per_post, 2) AS reactions_per_post,
         round(100 * s.score) / 100 AS score,
         t.super_topic
  FROM influencers i
  JOIN reach_score($w_followers, $w_reactions, $w_reactors) s USING (influencer_id)
  LEFT JOIN account_features f USING (influencer_id)
  LEFT JOIN topics t ON t.topic_id = f.top_topic_id
),
pairs AS (
  SELECT b.slug AS brand,
         a.influencer_id,
         a.handle,
         a.tier,
         a.topic,
         a.followers,
         a.reactions_per_post,
         a.score,
         o.cost,
         o.conversions::INTEGER AS conversions,
         o.revenue,
         b.brand_id,
         a.super_topic
  FROM pair_outcomes o
  JOIN brands b USING (brand_id)
  JOIN accounts a USING (influencer_id)
)
SELECT brand, influencer_id, handle, tier, topic, followers, reactions_per_post, score, cost, conversions, revenue
FROM pairs
WHERE ($brand = '' OR brand = $brand)
  AND ($tier = '' OR tier = $tier)
  AND ($topic = '' OR topic = $topic OR super_topic = $topic)
  AND ($followers_min IS NULL OR followers >= $followers_min)
  AND ($followers_max IS NULL OR followers <= $followers_max)
  AND ($score_min IS NULL OR score >= $score_min)
  AND ($score_max IS NULL OR score <= $score_max)
  AND ($handle = '' OR contains(lower(handle), lower($handle)))
ORDER BY
  CASE WHEN $descending THEN -1 ELSE 1 END * CASE $sort
    WHEN 'followers' THEN followers::DOUBLE
    WHEN 'reactions_per_post' THEN reactions_per_post
    WHEN 'score' THEN score
    WHEN 'cost' THEN cost
    WHEN 'conversions' THEN conversions::DOUBLE
    WHEN 'revenue' THEN revenue
    WHEN 'influencer_id' THEN influencer_id::DOUBLE
    WHEN 'tier' THEN CASE tier WHEN 'nano' THEN 1 WHEN 'micro' THEN 2 WHEN 'mid' THEN 3 WHEN 'macro' THEN 4 WHEN 'mega' THEN 5 END
  END ASC NULLS LAST,
  CASE WHEN $descending THEN CASE $sort WHEN 'brand' THEN brand WHEN 'handle' THEN lower(handle) WHEN 'topic' THEN topic END END DESC,
  CASE WHEN NOT $descending THEN CASE $sort WHEN 'brand' THEN brand WHEN 'handle' THEN lower(handle) WHEN 'topic' THEN topic END END ASC,
  brand_id, influencer_id
LIMIT $limit OFFSET $offset
