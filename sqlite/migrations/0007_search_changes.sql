-- A server keeps the filter columns of reports and facts in memory
-- (internal/facets). Every change to a report or its facts, from any
-- process, is logged here so the next search catches up with it.
-- AUTOINCREMENT: a position is never reused, even after old entries are
-- pruned. Every fact written logs its report: an entry cannot be skipped
-- because the one before names the same report, since a reader may have
-- read that one already.
CREATE TABLE search_changes (
	seq       INTEGER PRIMARY KEY AUTOINCREMENT,
	report_id INTEGER NOT NULL
);
CREATE TRIGGER search_changes_report_insert AFTER INSERT ON reports BEGIN
	INSERT INTO search_changes(report_id) VALUES (new.id);
END;
CREATE TRIGGER search_changes_report_update AFTER UPDATE OF language, published ON reports BEGIN
	INSERT INTO search_changes(report_id) VALUES (new.id);
END;
CREATE TRIGGER search_changes_report_delete AFTER DELETE ON reports BEGIN
	INSERT INTO search_changes(report_id) VALUES (old.id);
END;
CREATE TRIGGER search_changes_fact_insert AFTER INSERT ON facts BEGIN
	INSERT INTO search_changes(report_id) VALUES (new.report_id);
END;
CREATE TRIGGER search_changes_fact_update AFTER UPDATE ON facts BEGIN
	INSERT INTO search_changes(report_id) VALUES (new.report_id);
END;
CREATE TRIGGER search_changes_fact_delete AFTER DELETE ON facts BEGIN
	INSERT INTO search_changes(report_id) VALUES (old.report_id);
END;
