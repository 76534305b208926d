-- A Klout-like reach score, reconstructed (Klout never published its formula):
-- raw = weighted sum of ln(1 + followers), ln(1 + reactions per post) and
-- ln(1 + selectivity-weighted reactions); the weights are the reader's sliders.
-- raw is then put on the 1-100 scale (reach_scale.sql) anchored on the same accounts, bought
-- followers included; the anchors come out too (lo, med, p95, hi), for a file scored against another
-- table's anchors (Your data's files of fewer than 200 accounts are scored on the simulated world's).
-- accounts names the input table, the accounts' terms as reach_terms.sql gives them: the current
-- world's account_terms, or a user's accounts on the "Your data" page.
-- boost_id/boost add bought followers to one account (they follow, they never react or buy).
-- (Not raw AS NOT MATERIALIZED: DuckDB-WASM 1.4.3 then binds a prepared query's weights in one use.)
CREATE OR REPLACE MACRO reach_score(w_followers, w_reactions, w_reactors, boost_id := -1, boost := 0, accounts := 'account_terms') AS TABLE
WITH raw AS (
  SELECT influencer_id,
         w_followers::DOUBLE * CASE WHEN influencer_id = boost_id THEN ln(1 + followers + boost) ELSE ln_followers END
       + w_reactions::DOUBLE * ln_reactions
       + w_reactors::DOUBLE * ln_selective AS raw
  FROM query_table(accounts)
),
anchors AS (
  SELECT lo, q[1] AS med, q[2] AS p95, hi
  FROM (SELECT min(raw) AS lo, quantile_cont(raw, [0.5, 0.95]) AS q, max(raw) AS hi FROM raw)
)
SELECT influencer_id, raw, reach_scale(raw, lo, med, p95, hi) AS score, lo, med, p95, hi
FROM raw, anchors
