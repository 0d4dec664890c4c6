-- Data-quality notes, most rows first, at most $limit of them. The subject (a role word, or a
-- volunteer's pseudonym and a day) is left out: the note's parameters say what a reader needs.
SELECT
    n.load_id,
    l.file_name,
    n.note,
    n.rows,
    CAST(n.params AS VARCHAR) AS params
FROM quality_notes AS n
JOIN loads AS l USING (load_id)
ORDER BY n.note, n.rows DESC, n.load_id DESC, n.subject
LIMIT $limit
