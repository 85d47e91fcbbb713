-- Writing comes first: the type index cost an extra B-tree update per event. Queries by type filter a run's rows.
DROP INDEX IF EXISTS journal_event_type;
