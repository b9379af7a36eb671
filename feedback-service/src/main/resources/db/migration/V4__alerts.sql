-- feedback-service: public-opinion monitoring (docs/feedback.md "Alerts"). Rules are kept by admins over the API;
-- alerts are raised by the texts that come in.
CREATE TABLE alert_rule (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            VARCHAR(200) NOT NULL UNIQUE,
    kind            VARCHAR(14)  NOT NULL CHECK (kind IN ('KEYWORD', 'NEGATIVE_SPIKE')),
    -- KEYWORD: the watched words, one per line
    words           TEXT,
    -- a SKU or category the texts must be about; NULL: every text
    scope           VARCHAR(200),
    -- NEGATIVE_SPIKE: at least this many negative texts in the last hour, a share at least factor times the
    -- baseline's (the 24 hours before) and min_lift above it
    min_negatives   INT,
    factor          DOUBLE PRECISION,
    min_lift        DOUBLE PRECISION,
    enabled         BOOLEAN      NOT NULL DEFAULT true,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    CHECK ((kind = 'KEYWORD' AND words IS NOT NULL) OR (kind = 'NEGATIVE_SPIKE' AND min_negatives IS NOT NULL AND factor IS NOT NULL
                                                      AND min_lift IS NOT NULL))
);

CREATE TABLE feedback_alert (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_id         BIGINT       NOT NULL REFERENCES alert_rule (id) ON DELETE CASCADE,
    kind            VARCHAR(14)  NOT NULL,
    -- KEYWORD: the word found; an alert per rule and word an hour at most, later texts counted on it
    keyword         VARCHAR(200),
    scope           VARCHAR(200),
    raised_at       TIMESTAMPTZ  NOT NULL,
    -- the text that raised it
    customer_id     VARCHAR(200) NOT NULL,
    text_id         BIGINT,
    -- KEYWORD: texts with the word since raised_at, within the hour
    occurrences     INT          NOT NULL DEFAULT 1,
    -- NEGATIVE_SPIKE: the hour against its baseline
    negatives       BIGINT,
    texts           BIGINT,
    share           DOUBLE PRECISION,
    baseline_share  DOUBLE PRECISION,
    window_start    TIMESTAMPTZ
);

CREATE INDEX feedback_alert_raised ON feedback_alert (raised_at DESC);
CREATE INDEX feedback_alert_rule ON feedback_alert (rule_id, raised_at DESC);
