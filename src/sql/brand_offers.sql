-- (Its account columns repeat placement_scores.sql's: the trust signals trustOf reads, per offer here
-- and per placement there; DuckDB macros cannot return a column list to share.)
-- Every account a brand could hire, with what one sponsored post would cost and do: the menu
-- the budget test buys from. Expected conversions are the simulator's hidden truth (only the
-- oracle uses them); conversions are one realized draw. `outcome` and `expected_outcome` are what
-- the brand's goal counts: purchases, or for the awareness brand the people who recall the post. The margin turns
-- revenue into the ROI.
SELECT o.influencer_id,
       i.handle,
       i.persona,
       i.followers::DOUBLE AS followers,
       s.score,
       i.audit_fake_share,
       f.reactions,
       f.replies,
       f.unique_reactors,
       f.posts,
       f.sponsored_posts,
       o.cost,
       o.expected_conversions,
       o.conversions::DOUBLE AS conversions,
       o.revenue,
       b.goal,
       (CASE WHEN b.goal = 'awareness' THEN o.expected_recalled ELSE o.expected_conversions END) AS expected_outcome,
       (CASE WHEN b.goal = 'awareness' THEN o.recalled ELSE o.conversions END)::DOUBLE AS outcome,
       b.price,
       b.margin,
       b.name AS brand_name
FROM pair_outcomes o
JOIN brands b USING (brand_id)
JOIN influencers i USING (influencer_id)
JOIN account_features f USING (influencer_id)
JOIN reach_score($w_followers, $w_reactions, $w_reactors) s USING (influencer_id)
WHERE b.slug = $brand
ORDER BY o.influencer_id
