-- The outbox becomes a queue: the relay deletes the rows it sends, in the transaction that waits for Kafka's
-- acknowledgements (a failed send rolls the deletion back). Sent rows are no longer kept, so nothing marks them.

-- Rows the relay sent before this change must not be sent again.
DELETE FROM platform_outbox WHERE sent_at IS NOT NULL;

-- The relay reads the oldest rows through the primary key; these only served the sent/unsent split.
DROP INDEX IF EXISTS platform_outbox_unsent;
DROP INDEX IF EXISTS platform_outbox_sent_at;
ALTER TABLE platform_outbox DROP COLUMN sent_at;

-- Consumers deduplicate by event_id (publishers may publish an event again), so the outbox need not enforce its
-- uniqueness; the index that did cost one more index insert per event. Its name is the one PostgreSQL gives an
-- inline UNIQUE (V0_1).
ALTER TABLE platform_outbox DROP CONSTRAINT IF EXISTS platform_outbox_event_id_key;

-- A queue table: every row is inserted once and deleted seconds later, so dead tuples pile up at the rate of
-- events and the relay's "ORDER BY seq LIMIT n" steps over their index entries until vacuum removes them. Vacuum
-- (and analyze, for the DELETE's plan) after 1 % of churn instead of the defaults of 20 % and 10 %, which a
-- backlog of a few million rows would let grow to hundreds of thousands of dead tuples.
ALTER TABLE platform_outbox SET (
    autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_analyze_scale_factor = 0.01
);
