-- Each brand's name and goal (what its placements are judged on), by id.
SELECT brand_id,
       slug AS brand,
       name AS brand_name,
       goal
FROM brands
ORDER BY brand_id
