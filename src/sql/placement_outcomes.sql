-- (Its outcome columns repeat placement_scores.sql's: this query must stay parameterless to be run
-- once per engine, that one carries the scores and trust signals the weights change.)
-- Every placement that ran, with its account and what the post cost and sold: the outcome side of
-- "does the score sell?". It takes no parameter, so each engine runs it once; the scores it is
-- judged against come from account_scores.sql and are matched by account in the figure's model.
-- `outcome` is what the brand's goal counts: purchases for a sales brand, people who recall the
-- post for an awareness brand (where reach doing well is expected by design).
SELECT p.brand_id,
       b.slug AS brand,
       b.name AS brand_name,
       b.goal,
       p.placement_id,
       p.influencer_id,
       i.handle,
       i.followers::DOUBLE AS followers,
       p.cost,
       p.conversions::DOUBLE AS conversions,
       p.recalled::DOUBLE AS recalled,
       (CASE WHEN b.goal = 'awareness' THEN p.recalled ELSE p.conversions END)::DOUBLE AS outcome,
       p.revenue
FROM placements p
JOIN influencers i USING (influencer_id)
JOIN brands b USING (brand_id)
ORDER BY p.brand_id, p.placement_id
