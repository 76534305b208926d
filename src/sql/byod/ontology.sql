-- Klout's topics as the topic queries read them (klout_ontology: topic_id, slug, name, depth,
-- parent_ids, the root '0' included). The page loads Klout's whole ontology under this name (8,034
-- topics, your-data/world/klout_ontology.arrow) once a file with a topics column is loaded; until
-- then, and in an engine that never loads it, the simulated world's topics and their links stand in.
CREATE TABLE IF NOT EXISTS klout_ontology AS
SELECT t.topic_id, t.slug, t.name, t.depth,
       coalesce(list(e.parent_id ORDER BY e.parent_id) FILTER (WHERE e.parent_id IS NOT NULL), []::VARCHAR[]) AS parent_ids
FROM topics t
LEFT JOIN topic_edges e ON e.child_id = t.topic_id
GROUP BY ALL
