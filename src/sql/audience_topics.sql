-- Each account's audience interests as a marketer could estimate them (a sample of followers),
-- and each brand's brief (the marketer's rough list of its customers' topics): the two vectors relevance compares.
SELECT a.influencer_id, NULL::VARCHAR AS brand, a.topic_id, a.share AS weight
FROM audience_topics a
UNION ALL
SELECT NULL::INTEGER AS influencer_id, b.slug AS brand, t.topic_id, t.weight
FROM brand_topics t
JOIN brands b USING (brand_id)
ORDER BY brand NULLS FIRST, influencer_id, topic_id
