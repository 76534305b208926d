-- Each topic word of your file and of your brand's topics (`brand_topics`: the words, each already
-- lower-case with dashes for spaces, joined by ';') matched to a topic of Klout's ontology: its
-- slug (bikram-yoga), else its name (Bikram Yoga), else a super-topic of that name
-- (fashion-super), else a topic whose name holds every part of the word (wellness: Health and
-- Wellness), the shallowest and shortest first. A word that matches nothing keeps its own name
-- and no parents. brand: the word is one of the brand's; in_file: one of your accounts has it.
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
klout AS (
  SELECT topic_id, slug, name, depth, regexp_replace(lower(trim(name)), '[^a-z0-9]+', '-', 'g') AS named
  FROM topics
),
candidates AS (
  SELECT w.word, w.brand, k.topic_id, k.slug, k.name,
         CASE
           WHEN k.slug = w.word THEN 1
           WHEN k.named = w.word THEN 2
           WHEN k.slug = w.word || '-super' THEN 3
           WHEN list_has_all(string_split(k.named, '-'), string_split(w.word, '-')) THEN 4
         END AS how,
         k.depth
  FROM words w, klout k
)
SELECT w.word,
       w.brand,
       w.in_file,
       c.topic_id,
       c.name AS klout_topic,
       CASE c.how WHEN 1 THEN 'slug' WHEN 2 THEN 'name' WHEN 3 THEN 'super-topic' WHEN 4 THEN 'words of the name' END AS matched_by,
       coalesce(c.topic_id, 'word:' || w.word) AS topic_key
FROM words w
LEFT JOIN (
  SELECT * FROM candidates
  WHERE how IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY word ORDER BY how, depth, length(slug), topic_id) = 1
) c USING (word)
ORDER BY w.word
