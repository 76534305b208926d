-- Every placement that ran, reduced to what "does the score sell?" judges: its brand, its account
-- and `outcome`, what the brand's goal counts (purchases for a sales brand, people who recall the
-- post for an awareness brand, where reach doing well is expected by design). It takes no
-- parameter, so each engine runs it once; the scores it is judged against come from
-- account_scores.sql and are matched by account in the figure's model. Numbers only: the large
-- world has 1,000,000 placements, and text per row cost the first touch seconds there. The brands'
-- names come from brand_goals.sql, the download's full rows from score_sell_rows.sql.
SELECT p.brand_id,
       p.influencer_id,
       (CASE WHEN b.goal = 'awareness' THEN p.recalled ELSE p.conversions END)::DOUBLE AS outcome
FROM placements p
JOIN brands b USING (brand_id)
ORDER BY p.brand_id, p.placement_id
