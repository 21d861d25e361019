-- Reports are kept exactly as received; sha256 of the original is the identity.
CREATE TABLE sources (
	id         INTEGER PRIMARY KEY,
	sealed     BLOB NOT NULL,
	created_at INTEGER NOT NULL -- unix microseconds
);

CREATE TABLE reports (
	id         INTEGER PRIMARY KEY,
	sha256     TEXT NOT NULL UNIQUE,
	original   BLOB NOT NULL,
	media_type TEXT NOT NULL,
	file_name  TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL DEFAULT '',
	outlet     TEXT NOT NULL DEFAULT '',
	url        TEXT NOT NULL DEFAULT '',
	author     TEXT NOT NULL DEFAULT '',
	published  TEXT NOT NULL DEFAULT '',
	language   TEXT NOT NULL DEFAULT '',
	text       TEXT NOT NULL,
	source_id  INTEGER REFERENCES sources(id),
	created_at INTEGER NOT NULL,
	created_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reports_published ON reports(published, id);
CREATE INDEX reports_language ON reports(language);
CREATE INDEX reports_source ON reports(source_id) WHERE source_id IS NOT NULL;

-- Trigram full text over title and text (external content: the text is
-- stored once, in reports). Finds substrings of three characters or more,
-- Korean stems with particles attached included.
CREATE VIRTUAL TABLE reports_fts USING fts5(
	title, text, content='reports', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
	INSERT INTO reports_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
	INSERT INTO reports_fts(reports_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

-- Hangul bigrams of each report (written by the store), for two-syllable
-- words the trigram index cannot find (회령, 무산).
CREATE VIRTUAL TABLE reports_bigrams USING fts5(grams, content='', tokenize='unicode61');

CREATE TABLE facts (
	id                INTEGER PRIMARY KEY,
	report_id         INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	kind              TEXT NOT NULL,
	data              TEXT NOT NULL,  -- JSON of the current value
	machine           TEXT,           -- JSON of the extractor's value once corrected
	event_type        TEXT,
	place_id          TEXT,
	province_id       TEXT,
	agency            TEXT,
	date_from         TEXT,
	date_to           TEXT,
	usd               REAL,
	extractor_version TEXT NOT NULL DEFAULT '',
	state             TEXT NOT NULL,
	reviewed_by       TEXT NOT NULL DEFAULT '',
	reviewed_at       INTEGER,
	note              TEXT NOT NULL DEFAULT ''
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
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL UNIQUE,
	role          TEXT NOT NULL,
	password_hash TEXT NOT NULL DEFAULT '',
	created_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE audit (
	seq       INTEGER PRIMARY KEY,
	at        TEXT NOT NULL, -- RFC 3339 with nanoseconds, exactly as hashed
	actor     TEXT NOT NULL,
	action    TEXT NOT NULL,
	object    TEXT NOT NULL,
	detail    TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash      TEXT NOT NULL
);
