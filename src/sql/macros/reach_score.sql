-- A Klout-like reach score, reconstructed (Klout never published its formula):
-- raw = weighted sum of ln(1 + followers), ln(1 + reactions per post) and
-- ln(1 + selectivity-weighted reactions); the weights are the reader's sliders.
-- raw is then mapped monotonically onto 1-100 so that, over all accounts of the anchoring table,
-- the median lands on 20, the 95th percentile on 50 and the maximum on 99 (Klout's stated anchors);
-- an account outside the anchoring table's range is extrapolated (below 1, above 99), never clamped,
-- so the score always orders accounts as raw does.
-- accounts names the input table (influencer_id, followers, reactions_per_post, selective_reactions):
-- the current world's account_features, or a user's accounts on the "Your data" page.
-- anchored_on names the table whose accounts set the anchors, under the same weights. When it is the
-- input itself (the essay's case) the anchors are taken over the input's raw values, bought
-- followers included; a user's file of fewer than 200 accounts is anchored on the simulated world.
-- boost_id/boost add bought followers to one account (they follow, they never react or buy).
CREATE OR REPLACE MACRO reach_score(w_followers, w_reactions, w_reactors, boost_id := -1, boost := 0, accounts := 'account_features', anchored_on := 'account_features') AS TABLE
WITH raw AS (
  SELECT influencer_id,
         w_followers::DOUBLE * ln(1 + followers + CASE WHEN influencer_id = boost_id THEN boost ELSE 0 END)
       + w_reactions::DOUBLE * ln(1 + reactions_per_post)
       + w_reactors::DOUBLE * ln(1 + selective_reactions) AS raw
  FROM query_table(accounts)
),
-- One of the two branches is empty: the planner drops it, as the table names are constants.
anchoring AS (
  SELECT raw FROM raw WHERE accounts = anchored_on
  UNION ALL
  SELECT w_followers::DOUBLE * ln(1 + followers)
       + w_reactions::DOUBLE * ln(1 + reactions_per_post)
       + w_reactors::DOUBLE * ln(1 + selective_reactions)
  FROM query_table(anchored_on)
  WHERE accounts <> anchored_on
),
anchors AS (
  SELECT min(raw) AS lo, quantile_cont(raw, 0.5) AS med, quantile_cont(raw, 0.95) AS p95, max(raw) AS hi
  FROM anchoring
)
SELECT influencer_id,
       raw,
       coalesce(CASE
         WHEN raw <= med THEN 1 + 19 * (raw - lo) / nullif(med - lo, 0)
         WHEN raw <= p95 THEN 20 + 30 * (raw - med) / nullif(p95 - med, 0)
         ELSE 50 + 49 * (raw - p95) / nullif(hi - p95, 0)
       END, 20)::DOUBLE AS score
FROM raw, anchors
