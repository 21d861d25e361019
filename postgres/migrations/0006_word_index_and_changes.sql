-- The word index (postgres/words.go): per report, a tsvector of its words
-- and Hangul syllable pairs with their positions, built by the store so it
-- holds exactly what the search matches. A term is then answered by GIN
-- alone, where the trigram index had to recheck each candidate's 3 KB body
-- (tens of microseconds each, thousands of candidates for a common word).
-- words is NULL for a report too long for a tsvector to keep every
-- position: those are searched by reading their text. toast_tuple_target
-- moves the tsvectors out of line, so the rows GIN points at are small and
-- the ids of thousands of matches are read from a few pages. The store
-- fills the rows of reports stored before this migration when it opens.
CREATE TABLE report_words (
	report_id bigint PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
	words     tsvector
) WITH (toast_tuple_target = 128);
CREATE INDEX report_words_gin ON report_words USING gin (words);
CREATE INDEX report_words_long ON report_words (report_id) WHERE words IS NULL;
-- Work the store does once after a migration, in Go: a row until done.
CREATE TABLE store_tasks (name text PRIMARY KEY);
INSERT INTO store_tasks VALUES ('fill report_words');

-- A server keeps the filter columns of reports and facts in memory
-- (internal/facets). Every change to a report or its facts, from any
-- process, is logged here with its transaction, so the next search catches
-- up with it. Transactions commit out of the order of seq: a reader takes
-- the entries its snapshot sees and the previous one did not
-- (pg_visible_in_snapshot), not those past a position. A report's ingest
-- is logged by the reports trigger; the store logs facts it adds later.
CREATE TABLE search_changes (
	seq       bigserial PRIMARY KEY,
	xid       xid8 NOT NULL DEFAULT pg_current_xact_id(),
	report_id bigint NOT NULL
);
CREATE INDEX search_changes_xid ON search_changes (xid);

CREATE FUNCTION search_changes_log() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	report bigint;
BEGIN
	-- One branch per table: a statement naming a field the row lacks fails
	-- when it runs, not when it is skipped.
	IF TG_TABLE_NAME = 'facts' THEN
		IF TG_OP = 'DELETE' THEN report := OLD.report_id; ELSE report := NEW.report_id; END IF;
	ELSE
		IF TG_OP = 'DELETE' THEN report := OLD.id; ELSE report := NEW.id; END IF;
	END IF;
	INSERT INTO search_changes(report_id) VALUES (report);
	RETURN NULL;
END
$$;
CREATE TRIGGER search_changes_report AFTER INSERT OR DELETE OR UPDATE OF language, published ON reports
	FOR EACH ROW EXECUTE FUNCTION search_changes_log();
CREATE TRIGGER search_changes_fact AFTER UPDATE OR DELETE ON facts
	FOR EACH ROW EXECUTE FUNCTION search_changes_log();
