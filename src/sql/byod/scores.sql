-- Every account's Klout-like reach score, by the report's own macro on your accounts. The 1-100
-- anchors (median 20, 95th percentile 50, maximum 99) come from your file when it has at least
-- `min_accounts` scored accounts, else from the simulated world's accounts under the same weights;
-- a score outside the world's range is extrapolated (below 1, above 99). score_rank: 1 for the
-- highest score, ties sharing a rank; accounts without a score have none. The rows are in no
-- particular order (sorting a million of them by account took a third of this statement's time).
WITH own AS (
  SELECT * FROM reach_score($w_followers, $w_reactions, $w_reactors, accounts := 'byod_features', anchored_on := 'byod_features')
),
world AS (
  SELECT * FROM reach_score($w_followers, $w_reactions, $w_reactors, accounts := 'byod_features', anchored_on := 'account_features')
),
scored AS (
  SELECT count(raw) AS n FROM own
)
SELECT
  w.influencer_id AS account,
  w.raw,
  CASE WHEN w.raw IS NULL THEN NULL WHEN scored.n >= $min_accounts THEN o.score ELSE w.score END AS score,
  CASE WHEN w.raw IS NULL THEN NULL ELSE rank() OVER (ORDER BY w.raw DESC NULLS LAST) END::INTEGER AS score_rank,
  CASE WHEN scored.n >= $min_accounts THEN 'your file' ELSE 'the simulated world' END AS anchored_on
FROM world w
JOIN own o USING (influencer_id)
CROSS JOIN scored
