-- feedback-service: the texts customers wrote (reviews, comments, service-contact notes from `interactions`), each with
-- its sentiment read once on arrival (docs/feedback.md "Reviews and comments"). The negative-spike alert counts these
-- rows by the hour; GET /customers/{id}/feedback lists them.
CREATE TABLE customer_text (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the InteractionRecorded it came in (the intake is idempotent by event id; this makes a second row impossible too)
    event_id      UUID          NOT NULL UNIQUE,
    customer_id   VARCHAR(200)  NOT NULL,
    kind          VARCHAR(16)   NOT NULL CHECK (kind IN ('REVIEW', 'COMMENT', 'SERVICE_CONTACT')),
    sku           VARCHAR(200),
    category      VARCHAR(200),
    order_id      VARCHAR(200),
    rating        SMALLINT,
    touchpoint    VARCHAR(32),
    text          TEXT,
    language      VARCHAR(8)    NOT NULL,
    sentiment     VARCHAR(8)    NOT NULL CHECK (sentiment IN ('POSITIVE', 'NEUTRAL', 'NEGATIVE')),
    score         DOUBLE PRECISION NOT NULL,
    -- the aspects with their own sentiment, e.g. LOGISTICS:NEGATIVE,PACKAGING:POSITIVE
    aspects       VARCHAR(200)  NOT NULL DEFAULT '',
    written_at    TIMESTAMPTZ   NOT NULL,
    -- the complaint it opened or was linked to, if any
    complaint_id  BIGINT
);

CREATE INDEX customer_text_written ON customer_text (written_at);
CREATE INDEX customer_text_customer ON customer_text (customer_id, written_at);
