-- The trigram index holds only the lines with Korean (or other Lo) letters
-- (casebook_trigram_text, sqlite/trigram.go): every other term is answered
-- by the word index. Contentless, with deletes by rowid, as the word index.
DROP TRIGGER reports_fts_insert;
DROP TRIGGER reports_fts_delete;
DROP TABLE reports_fts;
CREATE VIRTUAL TABLE reports_fts USING fts5(
	title, text, content='', contentless_delete=1, tokenize='trigram'
);
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
	INSERT INTO reports_fts(rowid, title, text) VALUES (new.id, casebook_trigram_text(new.title), casebook_trigram_text(new.text));
END;
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
	DELETE FROM reports_fts WHERE rowid = old.id;
END;
INSERT INTO reports_fts(rowid, title, text) SELECT id, casebook_trigram_text(title), casebook_trigram_text(text) FROM reports;
