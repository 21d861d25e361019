-- Filter indexes as (value, report_id, state): the planner may probe them
-- per report (a nested loop on value and report_id) as well as scan them
-- for a list of report ids; state stays in the index so both are
-- index-only.
DROP INDEX facts_event_type;
DROP INDEX facts_place;
DROP INDEX facts_province;
DROP INDEX facts_agency;
CREATE INDEX facts_event_type ON facts(event_type, report_id, state) WHERE event_type IS NOT NULL;
CREATE INDEX facts_place ON facts(place_id, report_id, state) WHERE place_id IS NOT NULL;
CREATE INDEX facts_province ON facts(province_id, report_id, state) WHERE province_id IS NOT NULL;
CREATE INDEX facts_agency ON facts(agency, report_id, state) WHERE agency IS NOT NULL;
