-- Every placement as numbers, run once per engine: the model matches it to account_scores.sql by
-- account and takes each brand's outcome by its goal (brand_goals.sql). No join or sort (they cost
-- the first touch most of a second at 1M rows): one table keeps its order, brand then placement.
SELECT brand_id,
       influencer_id,
       conversions::DOUBLE AS conversions,
       recalled::DOUBLE AS recalled
FROM placements
