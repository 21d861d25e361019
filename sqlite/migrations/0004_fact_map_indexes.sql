-- The map and timeline read a kind of fact in a place over a period: with
-- kind and dates in the place indexes only the facts of that kind and period
-- are read from the table (a province's events over a year, not all its
-- facts). state and report_id stay last so search filters remain index-only.
DROP INDEX facts_place;
DROP INDEX facts_province;
CREATE INDEX facts_place ON facts(place_id, kind, date_from, date_to, state, report_id) WHERE place_id IS NOT NULL;
CREATE INDEX facts_province ON facts(province_id, kind, date_from, date_to, state, report_id) WHERE province_id IS NOT NULL;
