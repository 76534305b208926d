-- Your accounts as the reach score's terms read them (src/sql/macros/reach_terms.sql): followers
-- are your reach column; reactions per post your engagement column, or 0 when the file has none
-- (that component then gets weight 0); no file holds who reacted, so selective reactions are 0 and
-- weigh 0. A blank engagement cell stays blank: that account gets no score.
SELECT
  account AS influencer_id,
  reach AS followers,
  CASE WHEN (SELECT count(engagement) FROM byod_accounts) > 0 THEN engagement ELSE 0 END::DOUBLE AS reactions_per_post,
  0::DOUBLE AS selective_reactions
FROM byod_accounts
