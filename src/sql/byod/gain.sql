-- The gain curves: go down the accounts in an order (by reach score; by relevance when there is
-- one; by conversions themselves, the best any order can do) and count the share of all
-- conversions collected after each account, ties kept in file order. At most about `points` points
-- a curve (every step-th account and the last), and the share captured by the top `share` of
-- accounts, interpolated between accounts, as src/lib/stats/gainCurve.ts's captureAt.
-- Each order is a window of its own and the curves are numbered (1 oracle, 2 reach, 3 relevance,
-- their names' order) until the last step: DuckDB-WASM walks 1,000,000 accounts in well under half
-- the time that one window partitioned by the curve's name takes; only the accounts a point or the
-- capture figure is taken at are kept past the windows.
WITH used AS (
  SELECT account, raw, relevance, conversions FROM byod_judged WHERE raw IS NOT NULL AND conversions IS NOT NULL
),
curve AS (
  SELECT 2 AS ranking, row_number() OVER by_reach AS k, count(*) OVER () AS n, sum(conversions) OVER by_reach / nullif(sum(conversions) OVER (), 0) AS gain
  FROM used WINDOW by_reach AS (ORDER BY raw DESC, account ROWS UNBOUNDED PRECEDING)
  UNION ALL
  SELECT 1, row_number() OVER by_oracle, count(*) OVER (), sum(conversions) OVER by_oracle / nullif(sum(conversions) OVER (), 0)
  FROM used WINDOW by_oracle AS (ORDER BY conversions DESC, account ROWS UNBOUNDED PRECEDING)
  UNION ALL
  SELECT 3, row_number() OVER by_relevance, count(*) OVER (), sum(conversions) OVER by_relevance / nullif(sum(conversions) OVER (), 0)
  FROM used WHERE relevance IS NOT NULL WINDOW by_relevance AS (ORDER BY relevance DESC, account ROWS UNBOUNDED PRECEDING)
),
kept AS (
  -- a curve's gains are all blank (no conversions at all) or none is
  SELECT ranking, k, n, gain FROM curve
  WHERE k % ceil((n + 1) / $points)::BIGINT = 0 OR k = n OR k = floor($share * n) OR k = floor($share * n) + 1
),
points AS (
  SELECT ranking, 0::BIGINT AS k, any_value(n) AS n, CASE WHEN bool_and(gain IS NOT NULL) THEN 0 END AS gain FROM kept GROUP BY ranking
  UNION ALL
  SELECT ranking, k, n, gain FROM kept
),
capture AS (
  SELECT p.ranking,
         any_value(p.n) AS n,
         any_value(p.gain) FILTER (WHERE p.k = floor($share * p.n)) AS g0,
         any_value(p.gain) FILTER (WHERE p.k = least(p.n, floor($share * p.n) + 1)) AS g1,
         $share * any_value(p.n) - floor($share * any_value(p.n)) AS t
  FROM points p
  GROUP BY p.ranking
)
SELECT CASE p.ranking WHEN 1 THEN 'oracle' WHEN 2 THEN 'reach' ELSE 'relevance' END AS ranking, p.k::DOUBLE AS k, p.n::DOUBLE AS n, p.k / p.n AS share, p.gain, c.g0 + (c.g1 - c.g0) * c.t AS capture
FROM points p
JOIN capture c USING (ranking)
WHERE p.k % ceil((p.n + 1) / $points)::BIGINT = 0 OR p.k = p.n
ORDER BY p.ranking, p.k
