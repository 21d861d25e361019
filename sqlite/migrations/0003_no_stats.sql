-- Statistics gathered on a young database (migration 2 ran ANALYZE) misled
-- the planner inside FTS5's own segment maintenance into full scans, which
-- made every insert slower as the store grew. Without statistics SQLite
-- assumes indexes are selective, which suits this schema. (ANALYZE of the
-- schema table alone creates sqlite_stat1 where it never existed.)
ANALYZE sqlite_schema;
DELETE FROM sqlite_stat1;
