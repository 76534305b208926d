-- Each account's relevance to your brand: the cosine similarity of its topics and the brand's,
-- hierarchy-aware as in the report (src/lib/scoring/relevance.ts): every topic also counts for
-- each ancestor in Klout's ontology at half strength per level (RELEVANCE_DECAY = 0.5, shortest
-- path; the root never counts), words matched as topic_match.sql says (byod_topic_match), the
-- links those of klout_ontology (ontology.sql: Klout's whole ontology once the page has loaded it).
-- So an account topic that is none of the brand's still counts through the ancestors they share:
-- each side weighs a shared ancestor 0.5^(its distance from the topic). Zumba (under Fitness, under
-- the Health and Wellness super-topic) and a brand's Yoga (right under it) share that super-topic:
-- 0.25 x 0.5 over the norms, a relevance of 0.098. Topics with no ancestor in common (Word of Mouth
-- Marketing, under Marketing and Business, against Yoga), and a word matched to no topic, add
-- nothing. 0 for an account without topics; no rows when the brand has no topics.
WITH RECURSIVE
edges AS (
  SELECT unnest(parent_ids) AS parent_id, topic_id AS child_id FROM klout_ontology
),
keys AS (
  SELECT DISTINCT topic_key FROM byod_topic_match
),
up(topic_key, ancestor, distance) AS (
  SELECT topic_key, topic_key, 0 FROM keys
  UNION
  SELECT u.topic_key, e.parent_id, u.distance + 1
  FROM up u
  JOIN edges e ON e.child_id = u.ancestor
  WHERE e.parent_id <> '0' AND u.distance < 30
),
expanded AS (
  SELECT topic_key, ancestor, 0.5 ^ min(distance) AS weight
  FROM up
  GROUP BY topic_key, ancestor
),
brand AS (
  SELECT x.ancestor AS topic, sum(x.weight) AS weight
  FROM (SELECT DISTINCT topic_key FROM byod_topic_match WHERE brand) b
  JOIN expanded x USING (topic_key)
  GROUP BY x.ancestor
),
brand_norm AS (
  SELECT sqrt(sum(weight * weight)) AS norm FROM brand
),
account_keys AS (
  SELECT DISTINCT a.account, m.topic_key
  FROM (SELECT account, unnest(topics) AS word FROM byod_accounts WHERE (SELECT norm FROM brand_norm) > 0) a
  JOIN byod_topic_match m USING (word)
),
audience AS (
  SELECT k.account, x.ancestor AS topic, sum(x.weight) AS weight
  FROM account_keys k
  JOIN expanded x USING (topic_key)
  GROUP BY k.account, x.ancestor
),
cosine AS (
  SELECT a.account,
         sum(a.weight * coalesce(b.weight, 0)) / (sqrt(sum(a.weight * a.weight)) * (SELECT norm FROM brand_norm)) AS relevance
  FROM audience a
  LEFT JOIN brand b USING (topic)
  GROUP BY a.account
)
SELECT acc.account,
       greatest(-1, least(1, coalesce(c.relevance, 0)))::DOUBLE AS relevance
FROM byod_accounts acc
LEFT JOIN cosine c USING (account)
WHERE (SELECT norm FROM brand_norm) > 0
ORDER BY acc.account
