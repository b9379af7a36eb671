-- An outbox row holds the events one publishAll call wrote (an intake batch's, say), not one event: a batch of a
-- thousand events was a thousand rows inserted, index entries, deletions and vacuum work; it is now one of each.
-- payload: one line per event, "<event id> TAB <record key> TAB <event type> TAB <JSON>", the key and the type with
-- backslash, tab and newline escaped as \\, \t, \n (compact JSON has none of them raw). event_id, record_key and
-- event_type are those of the row's first event. events: how many lines the payload has.
ALTER TABLE platform_outbox ADD COLUMN events INT NOT NULL DEFAULT 1;

UPDATE platform_outbox
SET payload = event_id::text || E'\t'
              || replace(replace(replace(record_key, E'\\', E'\\\\'), E'\t', E'\\t'), E'\n', E'\\n') || E'\t'
              || replace(replace(replace(event_type, E'\\', E'\\\\'), E'\t', E'\\t'), E'\n', E'\\n') || E'\t'
              || payload;

-- A batch's payload runs to hundreds of kilobytes of JSON, stored out of line (TOAST). LZ4 compresses it several
-- times faster than the default pglz and about as well (PostgreSQL 14 and later).
ALTER TABLE platform_outbox ALTER COLUMN payload SET COMPRESSION lz4;
