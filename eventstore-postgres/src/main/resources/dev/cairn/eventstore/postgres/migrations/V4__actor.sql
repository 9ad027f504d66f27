-- Audit: who caused each event (e.g. consumer:42, system:kitchen); '' for events written before,
-- or by a writer that did not say.
ALTER TABLE ${schema}.events ADD COLUMN actor text NOT NULL DEFAULT '';
ALTER TABLE ${schema}.parked_events ADD COLUMN actor text NOT NULL DEFAULT '';
