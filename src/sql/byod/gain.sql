-- The gain curves: go down the accounts in an order (by reach score; by relevance when there is
-- one; by conversions themselves, the best any order can do) and count the share of all
-- conversions collected after each account, ties kept in file order. At most about `points` points
-- a curve (every step-th account and the last), and the share captured by the top `share` of
-- accounts, interpolated between accounts, as src/lib/stats/gainCurve.ts's captureAt.
WITH pairs AS (
  SELECT 'reach' AS ranking, account, raw AS key, conversions FROM byod_judged WHERE raw IS NOT NULL AND conversions IS NOT NULL
  UNION ALL
  SELECT 'oracle', account, conversions, conversions FROM byod_judged WHERE raw IS NOT NULL AND conversions IS NOT NULL
  UNION ALL
  SELECT 'relevance', account, relevance, conversions FROM byod_judged WHERE relevance IS NOT NULL AND raw IS NOT NULL AND conversions IS NOT NULL
),
curve AS (
  SELECT ranking,
         row_number() OVER w AS k,
         count(*) OVER (PARTITION BY ranking) AS n,
         sum(conversions) OVER w / nullif(sum(conversions) OVER (PARTITION BY ranking), 0) AS gain
  FROM pairs
  WINDOW w AS (PARTITION BY ranking ORDER BY key DESC, account ROWS UNBOUNDED PRECEDING)
),
points AS (
  SELECT ranking, 0::BIGINT AS k, any_value(n) AS n, CASE WHEN bool_and(gain IS NOT NULL) THEN 0 END AS gain FROM curve GROUP BY ranking
  UNION ALL
  SELECT ranking, k, n, gain FROM curve
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
SELECT p.ranking, p.k::DOUBLE AS k, p.n::DOUBLE AS n, p.k / p.n AS share, p.gain, c.g0 + (c.g1 - c.g0) * c.t AS capture
FROM points p
JOIN capture c USING (ranking)
WHERE p.k % ceil((p.n + 1) / $points)::BIGINT = 0 OR p.k = p.n
ORDER BY p.ranking, p.k
