-- Keep each payload exactly as written (json, not jsonb): the journal digest is computed over those bytes and must
-- be recomputable from the store. json is still queryable with the ->, ->> operators.
ALTER TABLE journal_event ALTER COLUMN payload TYPE json USING payload::text::json;
