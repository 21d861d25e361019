-- A search with an event filter asks all its fact conditions of one event
-- (type, place or province, dates, amount, agency): one covering index lets
-- the planner read only the event type's entries, index-only.
CREATE INDEX facts_one_event ON facts(event_type, province_id, place_id, date_from, date_to, usd, agency, state, report_id) WHERE event_type IS NOT NULL;
