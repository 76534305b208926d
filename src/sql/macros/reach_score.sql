-- A Klout-like reach score, reconstructed (Klout never published its formula):
-- raw = weighted sum of ln(1 + followers), ln(1 + reactions per post) and
-- ln(1 + selectivity-weighted reactions); the weights are the reader's sliders.
-- raw is then put on the 1-100 scale (reach_scale.sql) anchored on the same accounts, bought
-- followers included; the anchors come out too (lo, med, p95, hi), for a file scored against another
-- table's anchors (Your data's files of fewer than 200 accounts are scored on the simulated world's).
-- accounts names the input table (influencer_id, followers, reactions_per_post, selective_reactions):
-- the current world's account_features, or a user's accounts on the "Your data" page.
-- boost_id/boost add bought followers to one account (they follow, they never react or buy).
CREATE OR REPLACE MACRO reach_score(w_followers, w_reactions, w_reactors, boost_id := -1, boost := 0, accounts := 'account_features') AS TABLE
WITH raw AS (
  SELECT influencer_id,
         w_followers::DOUBLE * ln(1 + followers + CASE WHEN influencer_id = boost_id THEN boost ELSE 0 END)
       + w_reactions::DOUBLE * ln(1 + reactions_per_post)
       + w_reactors::DOUBLE * ln(1 + selective_reactions) AS raw
  FROM query_table(accounts)
),
anchors AS (
  SELECT min(raw) AS lo, quantile_cont(raw, 0.5) AS med, quantile_cont(raw, 0.95) AS p95, max(raw) AS hi
  FROM raw
)
SELECT influencer_id, raw, reach_scale(raw, lo, med, p95, hi) AS score, lo, med, p95, hi
FROM raw, anchors
