-- Cost per conversion by reach decile: the accounts with a score, a cost and conversions, split
-- into ten groups of (nearly) equal size by reach score, highest first (ntile; ties in file order),
-- with what each group cost, what it converted, and, when revenue is known, its return on ad
-- spend (revenue / cost).
WITH ranked AS (
  SELECT *, ntile(10) OVER (ORDER BY raw DESC, account) AS decile
  FROM byod_judged
  WHERE raw IS NOT NULL AND conversions IS NOT NULL AND cost IS NOT NULL
)
SELECT decile::INTEGER AS decile,
       count(*)::DOUBLE AS accounts,
       min(score) AS score_min,
       max(score) AS score_max,
       min(reach) AS reach_min,
       max(reach) AS reach_max,
       sum(cost)::DOUBLE AS cost,
       sum(conversions)::DOUBLE AS conversions,
       sum(cost) / nullif(sum(conversions), 0) AS cost_per_conversion,
       CASE WHEN count(revenue) > 0 THEN sum(coalesce(revenue, 0)) / nullif(sum(cost), 0) END AS roas
FROM ranked
GROUP BY decile
ORDER BY decile
