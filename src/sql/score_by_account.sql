-- Every account with its reach score under the current weights, for the charts of what the
-- score is made of (its size, its distribution), the score rounded as account_scores.sql rounds it.
SELECT i.influencer_id,
       i.handle,
       i.tier,
       i.persona,
       i.followers::DOUBLE AS followers,
       round(100 * s.score) / 100 AS score
FROM reach_score($w_followers, $w_reactions, $w_reactors) s
JOIN influencers i USING (influencer_id)
ORDER BY i.influencer_id
