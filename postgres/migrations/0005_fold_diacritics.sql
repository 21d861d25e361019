-- Latin-script search terms match as words with diacritics folded
-- (Hoeryong finds Hoeryŏng), as SQLite's word index does: the searched body
-- folds the accented letters that romanised Korean and European names use.
DROP INDEX IF EXISTS reports_body_trgm;
ALTER TABLE reports DROP COLUMN body;
ALTER TABLE reports ADD COLUMN body text GENERATED ALWAYS AS (lower(translate(title || ' ' || text,
	'ŏŭŎŬăĂéèêëÉÈÊËáàâäãåÁÀÂÄÃÅíìîïÍÌÎÏóòôöõøÓÒÔÖÕØúùûüÚÙÛÜçÇñÑýÿÝšŠžŽčČ',
	'ouOUaAeeeeEEEEaaaaaaAAAAAAiiiiIIIIooooooOOOOOOuuuuUUUUcCnNyyYsSzZcC'))) STORED;
DO $$
BEGIN
	EXECUTE 'CREATE INDEX reports_body_trgm ON reports USING gin (body gin_trgm_ops)';
EXCEPTION WHEN undefined_object OR undefined_function THEN
	RAISE NOTICE 'pg_trgm is not available: text search scans';
END
$$;
