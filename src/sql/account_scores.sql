-- Every account's reach score under the current weights and nothing else: the one query a weight
-- slider re-runs for "does the score sell?" (the placements it is judged on do not change). No
-- ORDER BY: the figure's model matches scores to placements by account, and in DuckDB-WASM a sort
-- of even 5,000 rows costs more than the scoring itself. The score is rounded to hundredths as
-- round(100 * score) / 100, the very value round(score, 2) gives, without its power of ten per row.
SELECT influencer_id,
       round(100 * score) / 100 AS score
FROM reach_score($w_followers, $w_reactions, $w_reactors)
