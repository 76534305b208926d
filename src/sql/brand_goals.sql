-- Each brand by id, with its name and its goal (what its placements are judged on): the labels of
-- "does the score sell?", whose placements come as numbers (placement_outcomes.sql).
SELECT brand_id,
       slug AS brand,
       name AS brand_name,
       goal
FROM brands
ORDER BY brand_id
