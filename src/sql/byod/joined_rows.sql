-- The joined file the analysis reads, in the shape of byod_rows: the rows of the join (byod_join,
-- join.sql's rows) found in both files, numbered in the first file's order. Unmatched rows are left out.
SELECT row, handle, reach, engagement, cost, conversions, revenue, topics
FROM byod_join
WHERE side = 'both'
ORDER BY row
