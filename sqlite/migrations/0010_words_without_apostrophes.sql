-- Romanised Korean writes apostrophes inside words (Ch'ŏngjin, P’yŏngyang,
-- Chʼŏngjin): the word index drops them, as index.Words does, so Chongjin
-- finds every spelling. unicode61 can only split at a character, not drop
-- it, so the index is fed the text without them: contentless, with deletes
-- by rowid (contentless_delete), rebuilt here from the reports.
DROP TRIGGER reports_words_insert;
DROP TRIGGER reports_words_delete;
DROP TABLE reports_words;
CREATE VIRTUAL TABLE reports_words USING fts5(
	title, text, content='', contentless_delete=1,
	tokenize="unicode61 remove_diacritics 2 categories 'Lu Ll Lt Lm N* Co'"
);
CREATE TRIGGER reports_words_insert AFTER INSERT ON reports BEGIN
	INSERT INTO reports_words(rowid, title, text) VALUES (new.id,
		replace(replace(replace(replace(replace(new.title, '''', ''), char(8216), ''), char(8217), ''), char(699), ''), char(700), ''),
		replace(replace(replace(replace(replace(new.text, '''', ''), char(8216), ''), char(8217), ''), char(699), ''), char(700), ''));
END;
CREATE TRIGGER reports_words_delete AFTER DELETE ON reports BEGIN
	DELETE FROM reports_words WHERE rowid = old.id;
END;
INSERT INTO reports_words(rowid, title, text) SELECT id,
	replace(replace(replace(replace(replace(title, '''', ''), char(8216), ''), char(8217), ''), char(699), ''), char(700), ''),
	replace(replace(replace(replace(replace(text, '''', ''), char(8216), ''), char(8217), ''), char(699), ''), char(700), '')
FROM reports;
