-- What the page says about the analysed accounts: how many there are, how many have a score, how
-- many of those converted at all, and where the score's 1-100 anchors came from (with the size of
-- the simulated world they may come from).
SELECT
  count(*)::DOUBLE AS accounts,
  count(s.raw)::DOUBLE AS scored,
  count(*) FILTER (WHERE s.raw IS NOT NULL AND a.conversions > 0)::DOUBLE AS converting,
  any_value(s.anchored_on) AS anchored_on,
  (SELECT count(*) FROM account_features)::DOUBLE AS world_accounts
FROM byod_accounts a
JOIN byod_scores s USING (account)
