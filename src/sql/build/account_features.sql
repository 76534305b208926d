-- Per-account features over the 90-day window, from event-level posts and reactions.
-- Runs at build time only (the browser never holds the events). Each sampled reaction stands for
-- sample_weight real ones; the selectivity weight divides by the reactor's sampled reactions that day.
WITH reactor_day AS (
  SELECT r.reactor_id, r.day, count(*) AS reactions_that_day
  FROM reactions r
  GROUP BY r.reactor_id, r.day
),
weighted AS (
  SELECT p.influencer_id,
         sum(r.sample_weight / rd.reactions_that_day) AS selective_reactions,
         count(DISTINCT r.reactor_id) AS sampled_reactors,
         count(*) AS sampled_events
  FROM reactions r
  JOIN posts p USING (post_id)
  JOIN reactor_day rd ON rd.reactor_id = r.reactor_id AND rd.day = r.day
  GROUP BY p.influencer_id
),
post_totals AS (
  SELECT influencer_id,
         count(*)::INTEGER AS posts,
         count(*) FILTER (WHERE is_sponsored)::INTEGER AS sponsored_posts,
         sum(likes + shares + replies)::DOUBLE AS reactions,
         sum(replies)::DOUBLE AS replies,
         sum(shares)::DOUBLE AS shares
  FROM posts
  GROUP BY influencer_id
)
SELECT i.influencer_id,
       i.followers,
       coalesce(t.posts, 0)::INTEGER AS posts,
       coalesce(t.sponsored_posts, 0)::INTEGER AS sponsored_posts,
       coalesce(t.reactions, 0)::DOUBLE AS reactions,
       coalesce(t.replies, 0)::DOUBLE AS replies,
       coalesce(t.shares, 0)::DOUBLE AS shares,
       coalesce(t.reactions / nullif(t.posts, 0), 0)::DOUBLE AS reactions_per_post,
       -- a ratio estimate: the share of sampled events made by distinct reactors, times all reactions
       coalesce(t.reactions * w.sampled_reactors / w.sampled_events, 0)::DOUBLE AS unique_reactors,
       coalesce(w.selective_reactions, 0)::DOUBLE AS selective_reactions
FROM influencers i
LEFT JOIN post_totals t USING (influencer_id)
LEFT JOIN weighted w USING (influencer_id)
ORDER BY i.influencer_id
