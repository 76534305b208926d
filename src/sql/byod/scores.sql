-- Every account's Klout-like reach score, by the report's own macro on your accounts. The 1-100
-- anchors (median 20, 95th percentile 50, maximum 99) come from your file when it has at least
-- `min_accounts` scored accounts, else from the simulated world's accounts under the same weights;
-- a score outside the world's range is extrapolated (below 1, above 99). score_rank: 1 for the
-- highest score, ties sharing a rank; accounts without a score have none. The rows are in no
-- particular order (sorting a million of them by account took a third of this statement's time).
WITH own AS (
  SELECT influencer_id, raw, score FROM reach_score($w_followers, $w_reactions, $w_reactors, accounts := 'byod_terms')
),
-- The simulated world's anchors under the same weights (alike on every row of reach_score: any
-- row's will do; a LIMIT 1 here made DuckDB 1.4 return no rows at all from the cross joins below).
world AS (
  SELECT any_value(lo) AS lo, any_value(med) AS med, any_value(p95) AS p95, any_value(hi) AS hi
  FROM reach_score($w_followers, $w_reactions, $w_reactors)
),
scored AS (
  SELECT count(raw) AS n FROM own
)
SELECT
  o.influencer_id AS account,
  o.raw,
  CASE WHEN o.raw IS NULL THEN NULL WHEN scored.n >= $min_accounts THEN o.score ELSE reach_scale(o.raw, w.lo, w.med, w.p95, w.hi) END AS score,
  CASE WHEN o.raw IS NULL THEN NULL ELSE rank() OVER (ORDER BY o.raw DESC NULLS LAST) END::INTEGER AS score_rank,
  CASE WHEN scored.n >= $min_accounts THEN 'your file' ELSE 'the simulated world' END AS anchored_on
FROM own o
CROSS JOIN world w
CROSS JOIN scored
