-- Event intake writes a few rows per event into these tables; every index is paid for on every write.
-- Indexes no query needs go (measured with the ledger benchmark, benchmarks/loyalty):
--   * loyalty_order (customer_id, occurred_at): the primary key (customer_id, order_id) already finds a
--     member's orders, and the loader filters them by time itself;
--   * points_lot (expires_at) WHERE remaining > 0: the liability report aggregates every open lot anyway;
--   * loyalty_member (tier): the liability report groups all members by tier in one scan.
DROP INDEX IF EXISTS loyalty_order_customer;
DROP INDEX IF EXISTS points_lot_expiring;
DROP INDEX IF EXISTS loyalty_member_tier;

-- The programme (tiers, earning rules, promotions) changes rarely and is read by every batch of events.
-- Each change bumps this counter in the same transaction, so every instance can keep the programme in
-- memory and re-read it only when the counter has moved.
CREATE TABLE programme_version (
    id      INT    PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO programme_version (id, version) VALUES (1, 1);

CREATE FUNCTION bump_programme_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE programme_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END $$;

CREATE TRIGGER tier_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tier
    FOR EACH STATEMENT EXECUTE FUNCTION bump_programme_version();
CREATE TRIGGER earning_rules_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON earning_rules
    FOR EACH STATEMENT EXECUTE FUNCTION bump_programme_version();
CREATE TRIGGER promotion_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON promotion
    FOR EACH STATEMENT EXECUTE FUNCTION bump_programme_version();

-- A member row is rewritten by every batch that touches the member. Free space on each page lets PostgreSQL keep
-- the new version on the same page and skip the index updates when no indexed column changed (a HOT update).
ALTER TABLE loyalty_member SET (fillfactor = 85);
