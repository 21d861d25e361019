-- Substring search rechecks every trigram candidate: against a stored
-- lower-case body that is a plain LIKE, instead of ILIKE lower-casing 3 KB
-- of text per candidate per query.
ALTER TABLE reports ADD COLUMN body text GENERATED ALWAYS AS (lower(title || ' ' || text)) STORED;
DROP INDEX IF EXISTS reports_body_trgm;
DO $$
BEGIN
	EXECUTE 'CREATE INDEX reports_body_trgm ON reports USING gin (body gin_trgm_ops)';
EXCEPTION WHEN undefined_object OR undefined_function THEN
	RAISE NOTICE 'pg_trgm is not available: text search scans';
END
$$;

-- Search filters read only (value, state, report_id): covering indexes.
DROP INDEX facts_event_type;
DROP INDEX facts_place;
DROP INDEX facts_province;
DROP INDEX facts_agency;
DROP INDEX facts_date;
DROP INDEX facts_usd;
CREATE INDEX facts_event_type ON facts(event_type, state, report_id) WHERE event_type IS NOT NULL;
CREATE INDEX facts_place ON facts(place_id, state, report_id) WHERE place_id IS NOT NULL;
CREATE INDEX facts_province ON facts(province_id, state, report_id) WHERE province_id IS NOT NULL;
CREATE INDEX facts_agency ON facts(agency, state, report_id) WHERE agency IS NOT NULL;
CREATE INDEX facts_date ON facts(date_from, date_to, state, report_id) WHERE date_from IS NOT NULL;
CREATE INDEX facts_usd ON facts(usd, state, report_id) WHERE usd IS NOT NULL;
