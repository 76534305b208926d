-- The choices of the explore filters, read at build time into the page's selects: every brand,
-- every size tier, and every visible niche topic (the topic an account posts about most, with its super-topic) that some account has, with counts.
SELECT 'brand' AS kind, slug AS value, name AS label, '' AS grp, 0 AS rank, NULL::DOUBLE AS accounts
FROM brands
UNION ALL
SELECT 'tier', tier, tier, '',
       CASE tier WHEN 'nano' THEN 1 WHEN 'micro' THEN 2 WHEN 'mid' THEN 3 WHEN 'macro' THEN 4 WHEN 'mega' THEN 5 ELSE 6 END,
       count(*)::DOUBLE
FROM influencers GROUP BY tier
UNION ALL
SELECT 'topic', coalesce(t.slug, f.top_topic_id), coalesce(t.name, f.top_topic_id), coalesce(t.super_topic, ''), 0, count(*)::DOUBLE
FROM account_features f LEFT JOIN topics t ON t.topic_id = f.top_topic_id
GROUP BY ALL
UNION ALL
SELECT 'super_topic', s.slug, s.name, '', 0, NULL
FROM topics s WHERE s.slug IN (SELECT super_topic FROM topics t JOIN account_features f ON t.topic_id = f.top_topic_id)
UNION ALL
SELECT 'followers_max', max(followers)::VARCHAR, '', '', 0, max(followers)::DOUBLE FROM influencers
ORDER BY kind, rank, label, value
