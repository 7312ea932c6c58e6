"""Search over published posts: one query language on PostgreSQL full-text search and SQLite FTS5."""
