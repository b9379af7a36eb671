-- feedback-service: survey answers (docs/feedback.md "NPS and CSAT"). One row per answer, NPS (0-10) or CSAT (1-5);
-- the comment's sentiment is read once, when the answer is recorded. Reports group these rows by time and touchpoint.
CREATE TABLE survey_response (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind               VARCHAR(4)   NOT NULL CHECK (kind IN ('NPS', 'CSAT')),
    customer_id        VARCHAR(64)  NOT NULL,
    score              SMALLINT     NOT NULL,
    -- NPS: PROMOTER, PASSIVE or DETRACTOR; CSAT: NULL
    category           VARCHAR(9),
    -- CSAT: 4 or 5 of 5; NPS: NULL
    satisfied          BOOLEAN,
    -- CSAT: DELIVERY, AFTER_SALES, SUPPORT or a custom one; NPS: NULL
    touchpoint         VARCHAR(64),
    order_id           VARCHAR(64),
    comment            TEXT,
    comment_sentiment  VARCHAR(8),
    comment_score      DOUBLE PRECISION,
    answered_at        TIMESTAMPTZ  NOT NULL,
    recorded_at        TIMESTAMPTZ  NOT NULL,
    CHECK ((kind = 'NPS' AND score BETWEEN 0 AND 10 AND category IS NOT NULL AND satisfied IS NULL AND touchpoint IS NULL)
        OR (kind = 'CSAT' AND score BETWEEN 1 AND 5 AND category IS NULL AND satisfied IS NOT NULL AND touchpoint IS NOT NULL))
);

CREATE INDEX survey_response_kind_answered ON survey_response (kind, answered_at);
CREATE INDEX survey_response_customer ON survey_response (customer_id);
