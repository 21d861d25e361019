-- A trigger on facts gives every fact INSERT a statement journal, and each
-- statement journal makes FTS5 flush the report text it holds pending into
-- a new segment (ingest at 100 reports a batch: 1,000 -> 300 reports/s).
-- A report's ingest is logged by the reports trigger; the store logs facts
-- added later itself (logChange).
DROP TRIGGER search_changes_fact_insert;
