-- Every account's reach score under the current weights and nothing else: the one query a weight
-- slider re-runs for "does the score sell?" (the placements it is judged on do not change). No
-- ORDER BY: the figure's model matches scores to placements by account, and in DuckDB-WASM a sort
-- of even 5,000 rows costs more than the scoring itself.
SELECT influencer_id,
       round(score, 2) AS score
FROM reach_score($w_followers, $w_reactions, $w_reactors)
