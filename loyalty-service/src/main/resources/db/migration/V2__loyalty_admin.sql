-- loyalty-service administration API: rewards catalogue, redemptions, manual adjustments.

-- A replayed redemption (same Idempotency-Key) answers exactly what the first call answered.
ALTER TABLE redemption ADD COLUMN available_points_after BIGINT NOT NULL DEFAULT 0;
ALTER TABLE redemption ALTER COLUMN available_points_after DROP DEFAULT;
CREATE INDEX redemption_reward ON redemption (reward_id);

ALTER TABLE reward ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE reward ADD CONSTRAINT reward_validity CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to > valid_from);
CREATE INDEX reward_min_tier ON reward (min_tier) WHERE active;

-- Manual adjustments carry the administrator's reason (up to 500 characters) into the ledger.
ALTER TABLE ledger_entry ALTER COLUMN reason TYPE VARCHAR(500);
