// Question: which sources do not say where to read them (no URL)? Facts citing them cannot be
// checked by a reader. The shipped data has none (import/derive/check.py refuses one); the import
// format allows them, so a user's own files may have some.
//
// (no parameters)
//
// Columns: sources (how many the graph holds), withoutUrl [{source, title}] (in id order)
MATCH (s:Source)
WITH s ORDER BY s.id
WITH count(s) AS sources, [x IN collect(s) WHERE x.url IS NULL OR trim(x.url) = '' | {source: x.id, title: x.title}] AS withoutUrl
RETURN sources, withoutUrl
