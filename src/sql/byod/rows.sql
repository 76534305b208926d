-- Each row of the file as an account of its own (one row per account, or per-post rows the reader
-- chose not to add up): the same columns as per_account.sql, numbered in file order (and kept in it:
-- the rows are read in the order they were loaded, so no sort is needed).
SELECT
  row AS account,
  handle,
  reach,
  engagement,
  cost,
  conversions,
  revenue,
  topics,
  1::DOUBLE AS source_rows
FROM byod_rows
