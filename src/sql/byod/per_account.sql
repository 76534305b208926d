-- One row per account from a file with one row per post or per ad (the handle, ad name or code
-- repeats): conversions, cost, revenue and engagement are summed over the account's rows, and its
-- reach is the largest of them (a follower count repeated on every post must not be added up);
-- its topics are those of all its rows, each once.
-- A blank cell is left out of its sum; an account whose cells are all blank keeps a blank.
-- Rows without a handle cannot be attributed to an account and are left out.
-- byod_rows(row, handle, reach, engagement, cost, conversions, revenue, topics): the mapped
-- columns, NULL where the file has no such column. Accounts are numbered in the order they first
-- appear in the file.
SELECT
  row_number() OVER (ORDER BY min(row))::INTEGER AS account,
  handle,
  max(reach)::DOUBLE AS reach,
  sum(engagement)::DOUBLE AS engagement,
  sum(cost)::DOUBLE AS cost,
  sum(conversions)::DOUBLE AS conversions,
  sum(revenue)::DOUBLE AS revenue,
  CASE WHEN count(topics) > 0 THEN list_distinct(flatten(list(topics) FILTER (WHERE topics IS NOT NULL))) END AS topics,
  count(*)::DOUBLE AS source_rows
FROM byod_rows
WHERE handle IS NOT NULL AND trim(handle) <> ''
GROUP BY handle
ORDER BY account
