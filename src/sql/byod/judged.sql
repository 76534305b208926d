-- What the judging queries read: each account with its reach score (scores.sql), its relevance to
-- your brand's topics when both are known (relevance.sql), and its outcome columns.
SELECT
  a.account,
  a.handle,
  a.reach,
  a.cost,
  a.conversions,
  a.revenue,
  s.raw,
  s.score,
  r.relevance
FROM byod_accounts a
JOIN byod_scores s USING (account)
LEFT JOIN byod_relevance r USING (account)
