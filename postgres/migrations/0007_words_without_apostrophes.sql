-- index.Words now drops the apostrophes romanised Korean writes inside
-- words (Ch'ŏngjin is chongjin): the word index is built again by the store
-- when it opens (postgres/words.go, fillWords).
DELETE FROM report_words;
INSERT INTO store_tasks VALUES ('fill report_words') ON CONFLICT DO NOTHING;
