-- Every save of a member writes a new, random version (LedgerStore). An instance may keep a member's open lots
-- and orders in memory between batches (MemberCache) and use them only while the stored version is still the one
-- it saved: any other writer (another instance, an API call, the maintenance job) changes the version first.
ALTER TABLE loyalty_member ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
