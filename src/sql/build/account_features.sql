-- Per-account features over the 90-day window, from event-level posts and reactions.
-- Runs at build time only (the browser never holds the events). Each sampled reaction stands for
-- sample_weight real ones; the selectivity weight divides by the reactor's sampled reactions that day.
-- Reactor ids up to the number of accounts are accounts themselves, so who reacted can be joined.
WITH reactor_day AS (
  SELECT r.reactor_id, r.day, count(*) AS reactions_that_day
  FROM reactions r
  GROUP BY r.reactor_id, r.day
),
received AS (
  SELECT p.influencer_id,
         sum(r.sample_weight / rd.reactions_that_day) AS selective_reactions,
         count(DISTINCT r.reactor_id) AS sampled_reactors,
         count(*) AS sampled_events,
         -- Kred-like points: a reaction counts 1, or 10 from an account with 10,000+ followers [assumption]
         sum(r.sample_weight * CASE WHEN coalesce(ri.followers, 0) >= 10000 THEN 10 ELSE 1 END) AS kred_points,
         -- PeerIndex-like authority: reshares, each weighted by the log-size of the account that reshared
         sum(CASE WHEN r.kind = 'share' THEN r.sample_weight * ln(2 + coalesce(ri.followers, 0)) ELSE 0 END) AS reshare_authority
  FROM reactions r
  JOIN posts p USING (post_id)
  JOIN reactor_day rd ON rd.reactor_id = r.reactor_id AND rd.day = r.day
  LEFT JOIN influencers ri ON ri.influencer_id = r.reactor_id
  GROUP BY p.influencer_id
),
given AS (
  SELECT r.reactor_id AS influencer_id, sum(r.sample_weight) AS reactions_given
  FROM reactions r
  GROUP BY r.reactor_id
),
-- The niche a marketer can see: the topic the account posted about most, ties to the smallest
-- topic id as text (data/sim/postedNiche.ts is the simulator's copy of this rule; a test keeps them equal).
topic_posts AS (
  SELECT influencer_id, topic_id, count(*) AS n
  FROM posts
  GROUP BY influencer_id, topic_id
),
top_topic AS (
  SELECT influencer_id, topic_id AS top_topic_id, n::DOUBLE AS niche_posts
  FROM topic_posts
  QUALIFY row_number() OVER (PARTITION BY influencer_id ORDER BY n DESC, topic_id) = 1
),
post_totals AS (
  SELECT p.influencer_id,
         count(*)::INTEGER AS posts,
         count(*) FILTER (WHERE p.is_sponsored)::INTEGER AS sponsored_posts,
         sum(p.likes + p.shares + p.replies)::DOUBLE AS reactions,
         sum(p.replies)::DOUBLE AS replies,
         sum(p.shares)::DOUBLE AS shares
  FROM posts p
  GROUP BY p.influencer_id
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
       coalesce(w.selective_reactions, 0)::DOUBLE AS selective_reactions,
       coalesce(w.kred_points, 0)::DOUBLE AS kred_points,
       coalesce(g.reactions_given, 0)::DOUBLE AS reactions_given,
       coalesce(w.reshare_authority, 0)::DOUBLE AS reshare_authority,
       n.top_topic_id,
       coalesce(n.niche_posts / nullif(t.posts, 0), 0)::DOUBLE AS niche_share
FROM influencers i
LEFT JOIN post_totals t USING (influencer_id)
LEFT JOIN top_topic n USING (influencer_id)
LEFT JOIN received w USING (influencer_id)
LEFT JOIN given g USING (influencer_id)
ORDER BY i.influencer_id
