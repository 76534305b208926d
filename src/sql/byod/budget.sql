-- The budget test, as a marketer uses a leaderboard: with `budget_share` of what the file spent,
-- walk down the accounts in an order and hire each one whose cost still fits in what is left
-- (within a relative 1e-12, so cents summed in floating point still fit), skipping those that do
-- not, as src/lib/stats/budgetTest.ts. The orders: by reach score; by reach per dollar (the reach
-- column over the cost: what a CPM-minded buyer does); with relevance, by fit (most relevant
-- first, then by reach score); the best possible (most conversions per dollar first, which no
-- buyer knows beforehand); and random orders, drawn by byod_uniform with `seed` (`runs` of them,
-- fewer for a large file: at most `random_rows` accounts in all, at least one order; none when
-- `runs` is 0), reported as their mean with the spread of conversions. `deterministic` false
-- leaves out all but the random orders (the page walks those in a second pass, apart, so a large
-- file's orders are not all held at once). Ties keep file order. Accounts with a score, a cost and
-- conversions take part; a blank revenue counts 0. ROAS is revenue / spent; ROI, only with the
-- gross margin you give (`margin`, 0-1), is (revenue x margin - spent) / spent.
--
-- The walk runs in phases: the first is each order's prefix whose running total of cost fits (the
-- orders are materialized once with that total); each further phase (a recursive CTE) takes, in
-- order, the candidates after the last skipped account whose cost fits what is left, hires them
-- while their running total fits, and stops at the first that does not, which is skipped. What is
-- left only shrinks, so an account too dear once stays too dear, and every phase hires at least one
-- account: after the first, the phases are few and their candidates fewer. The orders are numbered
-- (1 reach, 2 reach per dollar, 3 fit, 4 best, 5 random) and named only in the last step.
WITH RECURSIVE
base AS (
  SELECT account, raw, reach, relevance, cost, conversions, coalesce(revenue, 0) AS revenue
  FROM byod_judged
  WHERE raw IS NOT NULL AND conversions IS NOT NULL AND cost IS NOT NULL
),
amount AS (
  SELECT round(sum(cost) * $budget_share * 100) / 100 AS budget, round(sum(cost) * $budget_share * 100) / 100 * (1 + 1e-12) AS limit_
  FROM base
),
orders AS MATERIALIZED (
  -- each order's position and running total of cost, from one sort per order
  SELECT 1 AS walk, 0 AS run, row_number() OVER by_reach AS pos, sum(cost) OVER by_reach AS upto, cost, conversions, revenue
  FROM base WHERE $deterministic WINDOW by_reach AS (ORDER BY raw DESC, account ROWS UNBOUNDED PRECEDING)
  UNION ALL
  SELECT 2, 0, row_number() OVER by_reach_per_dollar, sum(cost) OVER by_reach_per_dollar, cost, conversions, revenue
  FROM base WHERE $deterministic WINDOW by_reach_per_dollar AS (ORDER BY CASE WHEN cost > 0 THEN reach / cost WHEN reach > 0 THEN 'Infinity'::DOUBLE END DESC NULLS LAST, account ROWS UNBOUNDED PRECEDING)
  UNION ALL
  SELECT 3, 0, row_number() OVER by_fit, sum(cost) OVER by_fit, cost, conversions, revenue
  FROM base WHERE $deterministic AND relevance IS NOT NULL WINDOW by_fit AS (ORDER BY relevance DESC, raw DESC, account ROWS UNBOUNDED PRECEDING)
  UNION ALL
  SELECT 4, 0, row_number() OVER by_oracle, sum(cost) OVER by_oracle, cost, conversions, revenue
  FROM base WHERE $deterministic WINDOW by_oracle AS (ORDER BY CASE WHEN cost > 0 THEN conversions / cost WHEN conversions > 0 THEN 'Infinity'::DOUBLE ELSE 0 END DESC, account ROWS UNBOUNDED PRECEDING)
  UNION ALL
  SELECT 5, run, row_number() OVER by_random, sum(cost) OVER by_random, cost, conversions, revenue
  FROM (
    SELECT r.run, b.account, b.cost, b.conversions, b.revenue, byod_uniform($seed, r.run, b.account) AS draw
    FROM base b CROSS JOIN (SELECT unnest(range(1, least($runs::BIGINT, greatest(1, $random_rows::BIGINT // count(*))) + 1)) AS run FROM base) r
  )
  WINDOW by_random AS (PARTITION BY run ORDER BY draw, account ROWS UNBOUNDED PRECEDING)
),
walks(walk, run, pos, spent, bought, conversions, revenue, done) AS (
  SELECT walk, run,
         coalesce(min(pos) FILTER (WHERE upto > limit_), 0)::BIGINT,
         coalesce(sum(cost) FILTER (WHERE upto <= limit_), 0)::DOUBLE,
         count(*) FILTER (WHERE upto <= limit_)::BIGINT,
         coalesce(sum(conversions) FILTER (WHERE upto <= limit_), 0)::DOUBLE,
         coalesce(sum(revenue) FILTER (WHERE upto <= limit_), 0)::DOUBLE,
         count(*) FILTER (WHERE upto > limit_) = 0
  FROM orders, amount
  GROUP BY walk, run
  UNION ALL
  SELECT walk, run,
         coalesce(min(pos) FILTER (WHERE overflows), 0),
         any_value(spent) + coalesce(sum(cost) FILTER (WHERE NOT overflows), 0),
         any_value(bought) + count(*) FILTER (WHERE NOT overflows),
         any_value(conversions) + coalesce(sum(item_conversions) FILTER (WHERE NOT overflows), 0),
         any_value(revenue) + coalesce(sum(item_revenue) FILTER (WHERE NOT overflows), 0),
         count(*) FILTER (WHERE overflows) = 0
  FROM (
    SELECT w.walk, w.run, w.spent, w.bought, w.conversions, w.revenue,
           o.pos, o.cost, o.conversions AS item_conversions, o.revenue AS item_revenue,
           w.spent + sum(o.cost) OVER (PARTITION BY w.walk, w.run ORDER BY o.pos ROWS UNBOUNDED PRECEDING) > (SELECT limit_ FROM amount) AS overflows
    FROM walks w
    LEFT JOIN orders o ON o.walk = w.walk AND o.run = w.run AND o.pos > w.pos AND o.cost <= (SELECT limit_ FROM amount) - w.spent
    WHERE NOT w.done
  )
  GROUP BY walk, run
),
results AS (
  SELECT walk, run, spent, bought, conversions, revenue,
         CASE WHEN spent > 0 THEN revenue / spent END AS roas,
         CASE WHEN spent > 0 AND $margin::DOUBLE IS NOT NULL THEN (revenue * $margin::DOUBLE - spent) / spent END AS roi
  FROM walks
  WHERE done
)
SELECT CASE walk WHEN 1 THEN 'reach' WHEN 2 THEN 'reach_per_dollar' WHEN 3 THEN 'fit' WHEN 4 THEN 'oracle' ELSE 'random' END AS walk,
       (SELECT budget FROM amount) AS budget,
       count(*)::DOUBLE AS runs,
       avg(spent) AS spent,
       avg(bought)::DOUBLE AS bought,
       avg(conversions) AS conversions,
       avg(revenue) AS revenue,
       avg(roas) AS roas,
       avg(roi) AS roi,
       CASE WHEN count(*) > 1 THEN stddev_samp(conversions) END AS conversions_sd,
       CASE WHEN count(*) > 1 THEN quantile_cont(conversions, 0.025) END AS conversions_lo,
       CASE WHEN count(*) > 1 THEN quantile_cont(conversions, 0.975) END AS conversions_hi
FROM results
GROUP BY walk
ORDER BY results.walk
