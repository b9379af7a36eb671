-- feedback-service: the survey invitations published (SurveyInvitation), so that NPS asks a customer at most once per
-- quiet period. The id is derived from the event that prompted it: a replay finds the row and publishes nothing again.
CREATE TABLE survey_invitation (
    id                UUID         PRIMARY KEY,
    customer_id       VARCHAR(200) NOT NULL,
    survey            VARCHAR(4)   NOT NULL CHECK (survey IN ('NPS', 'CSAT')),
    touchpoint        VARCHAR(64),
    order_id          VARCHAR(200),
    trigger_event_id  UUID         NOT NULL,
    invited_at        TIMESTAMPTZ  NOT NULL
);

CREATE INDEX survey_invitation_customer ON survey_invitation (customer_id, survey, invited_at DESC);
