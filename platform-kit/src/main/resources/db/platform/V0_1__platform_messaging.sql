-- Tables of the platform kit, present in every service database.

-- Idempotent consumption: one row per event a consumer has applied, written in the same transaction
-- as the state change, so a redelivered event is recognised and changes nothing.
CREATE TABLE platform_processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     UUID         NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Transactional outbox: events a service publishes because its state changed, written in the same
-- transaction as that change and relayed to Kafka afterwards, in seq order.
CREATE TABLE platform_outbox (
    seq        BIGSERIAL    PRIMARY KEY,
    event_id   UUID         NOT NULL UNIQUE,
    topic      VARCHAR(200) NOT NULL,
    record_key VARCHAR(200) NOT NULL,
    event_type VARCHAR(100) NOT NULL,
    payload    TEXT         NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at    TIMESTAMPTZ,
    attempts   INT          NOT NULL DEFAULT 0,
    last_error TEXT
);

CREATE INDEX platform_outbox_unsent ON platform_outbox (seq) WHERE sent_at IS NULL;
CREATE INDEX platform_outbox_sent_at ON platform_outbox (sent_at) WHERE sent_at IS NOT NULL;
