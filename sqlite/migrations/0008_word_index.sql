-- Latin-script terms are searched as words, the last one as a prefix
-- ("bribe" finds bribes and bribery, "exchange rate" finds exchange rates,
-- "500" finds $500 but not 5,000), with diacritics folded (Hoeryŏng is
-- Hoeryong). A word's posting list is far shorter than those of its
-- trigrams, which every English word shares ("exchange rate" 24 -> 2 ms at
-- 100,000 reports). Hangul, Chinese and other Lo letters stay with the
-- trigram index, which finds Korean stems inside words with particles.
CREATE VIRTUAL TABLE reports_words USING fts5(
	title, text, content='reports', content_rowid='id',
	tokenize="unicode61 remove_diacritics 2 categories 'Lu Ll Lt Lm N* Co'"
);
CREATE TRIGGER reports_words_insert AFTER INSERT ON reports BEGIN
	INSERT INTO reports_words(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER reports_words_delete AFTER DELETE ON reports BEGIN
	INSERT INTO reports_words(reports_words, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
INSERT INTO reports_words(reports_words) VALUES ('rebuild');
