-- The reach score's terms, the part of it no weight changes (each engine keeps the world's once, as
-- account_terms). accounts names the input table (influencer_id, followers, reactions_per_post,
-- selective_reactions).
CREATE OR REPLACE MACRO reach_terms(accounts := 'account_features') AS TABLE
SELECT influencer_id,
       followers,
       ln(1 + followers) AS ln_followers,
       ln(1 + reactions_per_post) AS ln_reactions,
       ln(1 + selective_reactions) AS ln_selective
FROM query_table(accounts)
