-- feedback-service: complaints, their audit trail, and what the service knows of each customer from the other services'
-- events (docs/feedback.md "Complaints").

CREATE TABLE complaint (
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id              VARCHAR(200) NOT NULL,
    order_id                 VARCHAR(200),
    sku                      VARCHAR(200),
    -- MANUAL (support staff) or the kind of text it was opened from: REVIEW, COMMENT, SURVEY_COMMENT
    source                   VARCHAR(14)  NOT NULL CHECK (source IN ('MANUAL', 'REVIEW', 'COMMENT', 'SURVEY_COMMENT')),
    -- MANUAL: the channel support heard it on (PHONE, CHAT, EMAIL, ...); automatic: NULL
    channel                  VARCHAR(32),
    -- automatic: the event or survey answer the text came in, so that a replay opens nothing twice
    source_ref               VARCHAR(100) UNIQUE,
    text                     TEXT,
    sentiment_score          DOUBLE PRECISION,
    -- the aspects the text talks about (FeedbackAspect names), comma-separated in a fixed order
    aspects                  VARCHAR(120) NOT NULL DEFAULT '',
    severity                 VARCHAR(6)   NOT NULL CHECK (severity IN ('NORMAL', 'URGENT', 'MAJOR')),
    -- the grader's points and reasons at filing (SeverityGrader), or the regrade's reason
    severity_reasons         TEXT         NOT NULL DEFAULT '',
    status                   VARCHAR(12)  NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'CLOSED', 'REOPENED')),
    filed_at                 TIMESTAMPTZ  NOT NULL,
    first_contact_due_at     TIMESTAMPTZ  NOT NULL,
    first_contact_at         TIMESTAMPTZ,
    escalated_at             TIMESTAMPTZ,
    -- set once, with the SlaBreached event in the same transaction: a restart neither loses nor repeats a breach
    sla_breached_at          TIMESTAMPTZ,
    resolved_at              TIMESTAMPTZ,
    closed_at                TIMESTAMPTZ,
    root_cause               VARCHAR(20),
    compensation_kind        VARCHAR(8),
    compensation_points      BIGINT,
    compensation_amount      NUMERIC(19,4),
    compensation_currency    VARCHAR(3),
    compensation_description VARCHAR(500),
    version                  INT          NOT NULL DEFAULT 0
);

-- the queue: unresolved complaints by severity and age
CREATE INDEX complaint_status_filed ON complaint (status, filed_at);
CREATE INDEX complaint_customer ON complaint (customer_id, filed_at);
-- the SLA sweep: complaints whose first-contact deadline may have passed unnoticed
CREATE INDEX complaint_sla_pending ON complaint (first_contact_due_at) WHERE sla_breached_at IS NULL;

-- Every step of every complaint: who (the token's name, or "system"), when, what, and the note.
CREATE TABLE complaint_audit (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id BIGINT       NOT NULL REFERENCES complaint (id),
    action       VARCHAR(20)  NOT NULL,
    from_status  VARCHAR(12),
    to_status    VARCHAR(12),
    actor        VARCHAR(200) NOT NULL,
    at           TIMESTAMPTZ  NOT NULL,
    note         TEXT
);

CREATE INDEX complaint_audit_complaint ON complaint_audit (complaint_id, id);

-- What the other services said of a customer: the lifecycle stage (segment-events) and the loyalty tier
-- (loyalty-events), each with the time of the event that set it (the latest wins). Severity grading weighs a
-- high-net-worth customer more; reports group answers by stage and tier.
CREATE TABLE customer_context (
    customer_id      VARCHAR(200) PRIMARY KEY,
    lifecycle_stage  VARCHAR(20),
    stage_at         TIMESTAMPTZ,
    tier             VARCHAR(40),
    tier_at          TIMESTAMPTZ
);
