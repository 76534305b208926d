-- Every placement that ran, with its account and what the post cost and sold: the outcome side of
-- "does the score sell?". It takes no parameter, so each engine runs it once; the scores it is
-- judged against come from account_scores.sql and are matched by account in the figure's model.
SELECT p.brand_id,
       b.slug AS brand,
       b.name AS brand_name,
       p.placement_id,
       p.influencer_id,
       i.handle,
       i.followers::DOUBLE AS followers,
       p.cost,
       p.conversions::DOUBLE AS conversions,
       p.revenue
FROM placements p
JOIN influencers i USING (influencer_id)
JOIN brands b USING (brand_id)
ORDER BY p.brand_id, p.placement_id
