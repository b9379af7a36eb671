-- segmentation-service: what feedback-service reported of a customer (feedback-events), for the DETRACTOR and PROMOTER
-- tags, the FEEDBACK churn rule and the profile API. The latest answer by answer time wins; a complaint is open from
-- its ComplaintFiled to its ComplaintResolved.
CREATE TABLE customer_feedback (
    customer_id      VARCHAR(200) PRIMARY KEY,
    nps_score        SMALLINT,
    nps_at           TIMESTAMPTZ,
    csat_score       SMALLINT,
    csat_touchpoint  VARCHAR(64),
    csat_at          TIMESTAMPTZ,
    -- the rows of customer_open_complaint, kept here for the evaluation's one join
    open_complaints  INT          NOT NULL DEFAULT 0
);

CREATE TABLE customer_open_complaint (
    customer_id   VARCHAR(200) NOT NULL,
    complaint_id  BIGINT       NOT NULL,
    severity      VARCHAR(6)   NOT NULL,
    filed_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (customer_id, complaint_id)
);
