-- The Klout topics of this world with their parent links (a DAG: several parents are allowed),
-- for hierarchy-aware relevance and for naming topics in charts.
SELECT t.topic_id, t.slug, t.name, e.parent_id
FROM topics t
LEFT JOIN topic_edges e ON e.child_id = t.topic_id
ORDER BY t.topic_id, e.parent_id
