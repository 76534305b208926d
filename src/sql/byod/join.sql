-- Two files joined on the key the reader confirmed (a discount code in a sales report and in a
-- creator roster, say). byod_first and byod_second hold each file's mapped columns in the shape of
-- byod_rows (a role whose column is in the other file is all NULL) and its key column as `key`.
-- Keys match when equal once spaces around them are trimmed and case is ignored; a blank key
-- matches nothing. Every row of both files comes out, once per match or once unmatched: `side` is
-- 'both', 'first' (no row of the second file has its key) or 'second' (no row of the first has).
-- The rows on 'both' sides are the joined byod_rows, numbered by `row` in the first file's order.
-- first_key_rows and second_key_rows count each file's rows with the row's key: more than 1 on
-- the other side means that the row is repeated once per match.
WITH first AS (
  SELECT *, nullif(lower(trim(key)), '') AS k, count(*) OVER (PARTITION BY nullif(lower(trim(key)), '')) AS key_rows
  FROM byod_first
), second AS (
  SELECT *, nullif(lower(trim(key)), '') AS k, count(*) OVER (PARTITION BY nullif(lower(trim(key)), '')) AS key_rows
  FROM byod_second
)
SELECT
  CASE WHEN f.row IS NULL THEN 'second' WHEN s.row IS NULL THEN 'first' ELSE 'both' END AS side,
  CASE WHEN f.row IS NOT NULL AND s.row IS NOT NULL
    THEN row_number() OVER (PARTITION BY f.row IS NOT NULL AND s.row IS NOT NULL ORDER BY f.row, s.row)::INTEGER END AS row,
  f.row AS first_row,
  s.row AS second_row,
  coalesce(f.key, s.key) AS key,
  CASE WHEN f.k IS NULL THEN 0 ELSE f.key_rows END::INTEGER AS first_key_rows,
  CASE WHEN s.k IS NULL THEN 0 ELSE s.key_rows END::INTEGER AS second_key_rows,
  coalesce(f.handle, s.handle) AS handle,
  coalesce(f.reach, s.reach) AS reach,
  coalesce(f.engagement, s.engagement) AS engagement,
  coalesce(f.cost, s.cost) AS cost,
  coalesce(f.conversions, s.conversions) AS conversions,
  coalesce(f.revenue, s.revenue) AS revenue,
  coalesce(f.topics, s.topics) AS topics
FROM first f
FULL JOIN second s ON f.k = s.k
ORDER BY f.row NULLS LAST, s.row
