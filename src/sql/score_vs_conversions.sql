-- Every placement that ran, with the reach score of its account under the current weights:
-- the rows the "does the score sell?" figure and its Spearman correlations are computed from.
WITH scores AS (
  SELECT * FROM reach_score($w_followers, $w_reactions, $w_reactors)
)
SELECT p.brand_id,
       b.slug AS brand,
       b.name AS brand_name,
       p.placement_id,
       p.influencer_id,
       i.handle,
       i.followers::DOUBLE AS followers,
       round(s.score, 2) AS score,
       p.cost,
       p.conversions::DOUBLE AS conversions,
       p.revenue
FROM placements p
JOIN scores s USING (influencer_id)
JOIN influencers i USING (influencer_id)
JOIN brands b USING (brand_id)
ORDER BY p.brand_id, s.score DESC, p.placement_id
