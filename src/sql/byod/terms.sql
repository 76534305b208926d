-- Your accounts' reach-score terms (src/sql/macros/reach_terms.sql: the logs no weight changes),
-- kept as a table: the score reads them twice, once for its anchors and once for each account.
SELECT * FROM reach_terms(accounts := 'byod_features')
