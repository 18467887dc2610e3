// Question: what did the import of the current data find suspicious but load all the same (e.g. the
// countries of a mineral and stage adding up to more than the world total, where shares are then taken
// of their sum)? Recorded on the data version node at import, in the order they were found.
//
// (no parameters)
//
// Columns: warning (the file, the group and what is odd about it)
MATCH (v:DataVersion {key: 'current'})
UNWIND coalesce(v.warnings, []) AS warning
RETURN warning
