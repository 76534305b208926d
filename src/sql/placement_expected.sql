-- The oracle side of every placement that ran: the simulator's expected outcome of its
-- (brand, account) pair beside the realized one (purchases, or for the awareness brand the
-- people who recall the post). Only the noise ceiling (how well expected outcomes themselves rank
-- the realized ones) reads it; no score may.
SELECT p.placement_id,
       b.slug AS brand,
       (CASE WHEN b.goal = 'awareness' THEN o.expected_recalled ELSE o.expected_conversions END) AS expected_outcome,
       (CASE WHEN b.goal = 'awareness' THEN p.recalled ELSE p.conversions END)::DOUBLE AS outcome
FROM placements p
JOIN brands b USING (brand_id)
JOIN pair_outcomes o USING (brand_id, influencer_id)
ORDER BY p.brand_id, p.placement_id
