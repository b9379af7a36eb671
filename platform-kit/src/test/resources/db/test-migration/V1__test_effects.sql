-- The state a test consumer changes, so tests can see how often an event was applied.
CREATE TABLE kit_test_effect (
    id          BIGSERIAL PRIMARY KEY,
    customer_id VARCHAR(200) NOT NULL,
    event_id    UUID         NOT NULL,
    order_id    VARCHAR(200) NOT NULL
);
