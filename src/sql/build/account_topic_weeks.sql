-- Topic mentions per account and week, from posts: what topic inference (naive or persistent)
-- needs, without shipping every post. Runs at build time only.
SELECT influencer_id,
       topic_id,
       (day // 7)::INTEGER AS week,
       count(*)::INTEGER AS mentions
FROM posts
GROUP BY influencer_id, topic_id, week
ORDER BY influencer_id, topic_id, week
