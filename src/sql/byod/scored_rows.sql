-- Your accounts with what the page computed for them, as the downloads hold them: the mapped
-- columns (summed per account when the rows were added up), the reach score with its raw value,
-- rank and anchors, and the relevance to your brand when there is one.
SELECT
  a.account,
  a.handle,
  a.reach,
  a.engagement,
  a.cost,
  a.conversions,
  a.revenue,
  array_to_string(a.topics, '; ') AS topics,
  a.source_rows,
  s.raw AS score_raw,
  s.score,
  s.score_rank,
  s.anchored_on,
  r.relevance
FROM byod_accounts a
JOIN byod_scores s USING (account)
LEFT JOIN byod_relevance r USING (account)
ORDER BY a.account
