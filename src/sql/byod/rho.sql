-- Spearman's rho of the reach score against conversions (and of relevance, when there is one):
-- the Pearson correlation of average ranks, over the accounts with both values. Its 95% interval:
-- up to `bootstrap_limit` accounts a seeded percentile bootstrap (resamples of the accounts with
-- replacement drawn by byod_uniform with `seed`: `samples` of them, fewer for many accounts, at
-- most `draws` draws in all, at least 200; none when `samples` is 0, the page's quick first pass);
-- above the limit Fisher's z with the standard error 1.06 / sqrt(n - 3), as the report's
-- src/lib/stats/spearmanInterval.ts. Fewer than 3 accounts: no rho. The rankings are numbered (1 reach,
-- 2 relevance) until the last step: DuckDB-WASM sorts by a number about three times as fast as by a
-- name, and only the rankings that are bootstrapped are numbered account by account.
WITH pairs AS (
  SELECT 1 AS ranking, account, raw AS x, conversions AS y FROM byod_judged WHERE raw IS NOT NULL AND conversions IS NOT NULL
  UNION ALL
  SELECT 2, account, relevance, conversions FROM byod_judged WHERE relevance IS NOT NULL AND raw IS NOT NULL AND conversions IS NOT NULL
),
counts AS (
  SELECT ranking, count(*) AS n FROM pairs GROUP BY ranking
),
numbered AS (
  -- the accounts numbered 0 to n - 1 for the draws, only where there is a bootstrap
  SELECT p.*, (row_number() OVER (PARTITION BY p.ranking ORDER BY p.account) - 1)::BIGINT AS k
  FROM pairs p JOIN counts c USING (ranking)
  WHERE $samples > 0 AND c.n >= 3 AND c.n <= $bootstrap_limit
),
samples AS (
  SELECT ranking, n, unnest(range(1, least($samples::BIGINT, greatest(200, $draws::BIGINT // n)) + 1)) AS sample
  FROM counts
  WHERE n >= 3 AND n <= $bootstrap_limit
),
draws AS (
  SELECT ranking, sample, floor(byod_uniform($seed, sample, draw) * n)::BIGINT AS k
  FROM (SELECT ranking, n, sample, unnest(range(n)) AS draw FROM samples)
),
resampled AS (
  SELECT 0 AS sample, ranking, x, y FROM pairs
  UNION ALL
  SELECT d.sample, d.ranking, p.x, p.y FROM draws d JOIN numbered p USING (ranking, k)
),
ranked AS (
  SELECT sample, ranking,
         -- an average rank: halfway between a tie's first rank and its last (the count up to and with it)
         (rank() OVER (PARTITION BY sample, ranking ORDER BY x) + count(*) OVER (PARTITION BY sample, ranking ORDER BY x)) / 2 AS rx,
         (rank() OVER (PARTITION BY sample, ranking ORDER BY y) + count(*) OVER (PARTITION BY sample, ranking ORDER BY y)) / 2 AS ry
  FROM resampled
),
rhos AS (
  SELECT sample, ranking, corr(rx, ry) AS rho, count(*) AS n
  FROM ranked
  GROUP BY sample, ranking
),
estimate AS (
  SELECT ranking, CASE WHEN n >= 3 THEN rho END AS rho, n FROM rhos WHERE sample = 0
),
boot AS (
  SELECT ranking, quantile_cont(rho, 0.025) AS lo, quantile_cont(rho, 0.975) AS hi, count(rho) AS samples
  FROM rhos
  WHERE sample > 0 AND NOT isnan(rho)
  GROUP BY ranking
)
SELECT CASE e.ranking WHEN 1 THEN 'reach' ELSE 'relevance' END AS ranking,
       e.n::DOUBLE AS n,
       e.rho,
       CASE WHEN e.n <= $bootstrap_limit THEN b.lo WHEN e.rho IS NOT NULL AND NOT isnan(e.rho) THEN tanh(atanh(greatest(-0.999999, least(0.999999, e.rho))) - 1.959964 * 1.06 / sqrt(e.n - 3)) END AS lo,
       CASE WHEN e.n <= $bootstrap_limit THEN b.hi WHEN e.rho IS NOT NULL AND NOT isnan(e.rho) THEN tanh(atanh(greatest(-0.999999, least(0.999999, e.rho))) + 1.959964 * 1.06 / sqrt(e.n - 3)) END AS hi,
       CASE WHEN e.n <= $bootstrap_limit THEN 'bootstrap' ELSE 'fisher' END AS method,
       coalesce(b.samples, 0)::DOUBLE AS samples
FROM estimate e
LEFT JOIN boot b USING (ranking)
ORDER BY e.ranking
