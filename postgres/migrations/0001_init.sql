-- Reports are kept exactly as received; sha256 of the original is the identity.
CREATE TABLE sources (
	id         bigserial PRIMARY KEY,
	sealed     bytea NOT NULL,
	created_at timestamptz NOT NULL
);

CREATE TABLE reports (
	id         bigserial PRIMARY KEY,
	sha256     text NOT NULL UNIQUE,
	original   bytea NOT NULL,
	media_type text NOT NULL,
	file_name  text NOT NULL DEFAULT '',
	title      text NOT NULL DEFAULT '',
	outlet     text NOT NULL DEFAULT '',
	url        text NOT NULL DEFAULT '',
	author     text NOT NULL DEFAULT '',
	published  text NOT NULL DEFAULT '',
	language   text NOT NULL DEFAULT '',
	text       text NOT NULL,
	grams      text[] NOT NULL DEFAULT '{}', -- Hangul bigrams, for two-syllable words
	source_id  bigint REFERENCES sources(id),
	created_at timestamptz NOT NULL,
	created_by text NOT NULL DEFAULT ''
);
CREATE INDEX reports_published ON reports(published, id);
CREATE INDEX reports_language ON reports(language);
CREATE INDEX reports_grams ON reports USING gin (grams);

-- Substring search (Korean stems with particles attached, Latin parts of
-- words) through trigrams. Without pg_trgm the search still works, by scanning.
DO $$
BEGIN
	CREATE EXTENSION IF NOT EXISTS pg_trgm;
	EXECUTE 'CREATE INDEX reports_body_trgm ON reports USING gin ((title || '' '' || text) gin_trgm_ops)';
EXCEPTION WHEN insufficient_privilege OR undefined_file OR undefined_object OR feature_not_supported THEN
	RAISE NOTICE 'pg_trgm is not available: text search scans';
END
$$;

CREATE TABLE facts (
	id                bigserial PRIMARY KEY,
	report_id         bigint NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	kind              text NOT NULL,
	data              text NOT NULL,  -- JSON of the current value, as encoded by Go
	machine           text,           -- JSON of the extractor's value once corrected
	event_type        text,
	place_id          text,
	province_id       text,
	agency            text,
	date_from         text,
	date_to           text,
	usd               double precision,
	extractor_version text NOT NULL DEFAULT '',
	state             text NOT NULL,
	reviewed_by       text NOT NULL DEFAULT '',
	reviewed_at       timestamptz,
	note              text NOT NULL DEFAULT ''
);
CREATE INDEX facts_report ON facts(report_id, kind);
CREATE INDEX facts_event_type ON facts(event_type, date_from) WHERE event_type IS NOT NULL;
CREATE INDEX facts_place ON facts(place_id, report_id) WHERE place_id IS NOT NULL;
CREATE INDEX facts_province ON facts(province_id, report_id) WHERE province_id IS NOT NULL;
CREATE INDEX facts_agency ON facts(agency, report_id) WHERE agency IS NOT NULL;
CREATE INDEX facts_date ON facts(date_from, date_to) WHERE date_from IS NOT NULL;
CREATE INDEX facts_usd ON facts(usd) WHERE usd IS NOT NULL;
CREATE INDEX facts_state ON facts(state, report_id);

CREATE TABLE users (
	id            bigserial PRIMARY KEY,
	name          text NOT NULL UNIQUE,
	role          text NOT NULL,
	password_hash text NOT NULL DEFAULT '',
	created_at    timestamptz NOT NULL
);

CREATE TABLE sessions (
	token_hash text PRIMARY KEY,
	user_id    bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created_at timestamptz NOT NULL,
	expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE audit (
	seq       bigint PRIMARY KEY,
	at        timestamptz NOT NULL,
	actor     text NOT NULL,
	action    text NOT NULL,
	object    text NOT NULL,
	detail    text NOT NULL,
	prev_hash text NOT NULL,
	hash      text NOT NULL
);
