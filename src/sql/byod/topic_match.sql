-- Each topic word of your file and of your brand's topics (`brand_topics`: the words, each already
-- lower-case with dashes for spaces, joined by ';') matched to a topic of Klout's ontology.
-- First among the simulated world's topics (`topics`, the report's own): its slug (bikram-yoga),
-- else its name (Bikram Yoga), else a super-topic of that name (fashion-super), else a topic whose
-- name holds every part of the word (wellness: Health and Wellness), the shallowest and shortest
-- first. A word none of those match is looked up in Klout's whole ontology (`klout_ontology`,
-- ontology.sql) by slug (zumba), name (Word of Mouth Marketing) or super-topic only: over 8,000
-- topics a single part is in too many names (gaming: Social Gaming, Wargaming, Retrogaming) to stand
-- for the word. A word that matches nothing keeps its own name and no parents. brand: the word is
-- one of the brand's; in_file: one of your accounts has it; in_world: its topic is one of the world's.
WITH words AS (
  SELECT word, bool_or(brand) AS brand, bool_or(NOT brand) AS in_file
  FROM (
    SELECT unnest(topics) AS word, false AS brand FROM byod_accounts
    UNION ALL
    SELECT unnest(string_split($brand_topics, ';')), true
  )
  WHERE word <> ''
  GROUP BY word
),
world AS (
  SELECT topic_id, slug, name, depth, regexp_replace(lower(trim(name)), '[^a-z0-9]+', '-', 'g') AS named
  FROM topics
),
ontology AS (
  SELECT topic_id, slug, name, depth, regexp_replace(lower(trim(name)), '[^a-z0-9]+', '-', 'g') AS named
  FROM klout_ontology
),
candidates AS (
  SELECT w.word, k.topic_id, k.slug, k.name, k.depth, true AS in_world,
         CASE
           WHEN k.slug = w.word THEN 1
           WHEN k.named = w.word THEN 2
           WHEN k.slug = w.word || '-super' THEN 3
           WHEN list_has_all(string_split(k.named, '-'), string_split(w.word, '-')) THEN 4
         END AS how
  FROM words w, world k
  UNION ALL
  SELECT w.word, k.topic_id, k.slug, k.name, k.depth, false, 1 FROM words w JOIN ontology k ON k.slug = w.word
  UNION ALL
  SELECT w.word, k.topic_id, k.slug, k.name, k.depth, false, 2 FROM words w JOIN ontology k ON k.named = w.word
  UNION ALL
  SELECT w.word, k.topic_id, k.slug, k.name, k.depth, false, 3 FROM words w JOIN ontology k ON k.slug = w.word || '-super'
)
SELECT w.word,
       w.brand,
       w.in_file,
       c.topic_id,
       c.name AS klout_topic,
       CASE c.how WHEN 1 THEN 'slug' WHEN 2 THEN 'name' WHEN 3 THEN 'super-topic' WHEN 4 THEN 'words of the name' END AS matched_by,
       coalesce(c.in_world, false) AS in_world,
       coalesce(c.topic_id, 'word:' || w.word) AS topic_key
FROM words w
LEFT JOIN (
  SELECT * FROM candidates
  WHERE how IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY word ORDER BY in_world DESC, how, depth, length(slug), topic_id) = 1
) c USING (word)
ORDER BY w.word
