-- The topic words and the Klout topics they were matched to (topic_match.sql), the brand's first.
SELECT word, brand, in_file, klout_topic, matched_by
FROM byod_topic_match
ORDER BY brand DESC, word
