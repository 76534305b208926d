-- Topic mentions per account and week (the build's aggregation of posts), the input of naive
-- and persistent topic inference; persona names the essay's example accounts.
SELECT w.influencer_id, i.persona, CASE WHEN i.persona <> '' THEN i.handle END AS handle, w.week, w.topic_id, w.mentions
FROM account_topic_weeks w
JOIN influencers i USING (influencer_id)
ORDER BY w.influencer_id, w.topic_id, w.week
