-- What the page tells the reader about a join (byod_join: join.sql's rows): how many rows matched,
-- how many rows of each file found no match and the first such key of each in its file's order
-- (spaces around it trimmed; blank keys are no example), and how many distinct keys of the matched
-- rows more than one row of each file has (the other file's matching rows then come out once per
-- such row).
SELECT
  count(*) FILTER (WHERE side = 'both')::INTEGER AS matched,
  count(*) FILTER (WHERE side = 'first')::INTEGER AS unmatched_first,
  count(*) FILTER (WHERE side = 'second')::INTEGER AS unmatched_second,
  coalesce(arg_min(trim(key), first_row) FILTER (WHERE side = 'first' AND trim(key) <> ''), '') AS example_first,
  coalesce(arg_min(trim(key), second_row) FILTER (WHERE side = 'second' AND trim(key) <> ''), '') AS example_second,
  count(DISTINCT lower(trim(key))) FILTER (WHERE side = 'both' AND first_key_rows > 1)::INTEGER AS repeated_first,
  count(DISTINCT lower(trim(key))) FILTER (WHERE side = 'both' AND second_key_rows > 1)::INTEGER AS repeated_second
FROM byod_join
