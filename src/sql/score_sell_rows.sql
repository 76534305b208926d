-- The rows behind "does the score sell?", for its download: every placement with its account,
-- reach score under the current weights (as account_scores.sql rounds it), what the post cost and
-- sold, and `outcome` (placement_outcomes.sql's), by brand, then score (highest first), then placement.
WITH scores AS (
  SELECT influencer_id, round(100 * score) / 100 AS score
  FROM reach_score($w_followers, $w_reactions, $w_reactors)
)
SELECT p.brand_id,
       b.slug AS brand,
       b.name AS brand_name,
       b.goal,
       p.placement_id,
       p.influencer_id,
       i.handle,
       i.followers::DOUBLE AS followers,
       s.score,
       p.cost,
       p.conversions::DOUBLE AS conversions,
       p.recalled::DOUBLE AS recalled,
       (CASE WHEN b.goal = 'awareness' THEN p.recalled ELSE p.conversions END)::DOUBLE AS outcome,
       p.revenue
FROM placements p
JOIN scores s USING (influencer_id)
JOIN influencers i USING (influencer_id)
JOIN brands b USING (brand_id)
ORDER BY p.brand_id, s.score DESC, p.placement_id
