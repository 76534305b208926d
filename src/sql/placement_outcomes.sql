-- Every placement that ran, as numbers: its brand, its account, and both outcomes a brand's goal
-- may count (purchases for a sales brand, people who recall the post for an awareness brand). It
-- takes no parameter, so each engine runs it once; the scores it is judged against come from
-- account_scores.sql and are matched by account in the figure's model, which takes each brand's
-- outcome by its goal (brand_goals.sql). One table and no sort: DuckDB keeps such a query's rows
-- in the table's order (brand, then placement: the data step writes them so, a SQL test holds
-- it), and on the large world's 1,000,000 placements a join, a sort or text per row cost the
-- first touch most of a second.
SELECT brand_id,
       influencer_id,
       conversions::DOUBLE AS conversions,
       recalled::DOUBLE AS recalled
FROM placements
