-- The yoga teacher buys followers: every account's reach score and rank before and after, under
-- the current weights, and what one post would sell for the over-60s yoga workshop. Bought followers follow but never react or buy, so her conversions stay
-- as they were; only the score moves (and the scale's anchors shift a little with her).
WITH target AS (
  SELECT influencer_id FROM influencers WHERE persona = 'yoga-teacher'
),
before AS (
  SELECT influencer_id, score, rank() OVER (ORDER BY score DESC) AS rank_before
  FROM reach_score($w_followers, $w_reactions, $w_reactors)
),
after AS (
  SELECT influencer_id, score, rank() OVER (ORDER BY score DESC) AS rank_after
  FROM reach_score($w_followers, $w_reactions, $w_reactors, boost_id := (SELECT influencer_id FROM target), boost := $bought)
)
SELECT a.influencer_id,
       i.handle,
       a.influencer_id = (SELECT influencer_id FROM target) AS is_target,
       b.score AS score_before,
       a.score AS score_after,
       b.rank_before::DOUBLE AS rank_before,
       a.rank_after::DOUBLE AS rank_after,
       i.followers::DOUBLE AS followers,
       i.audit_fake_share,
       o.expected_conversions
FROM after a
JOIN before b USING (influencer_id)
JOIN influencers i USING (influencer_id)
LEFT JOIN pair_outcomes o ON o.influencer_id = a.influencer_id AND o.brand_id = (SELECT brand_id FROM brands WHERE slug = 'silver-lotus')
ORDER BY a.influencer_id
