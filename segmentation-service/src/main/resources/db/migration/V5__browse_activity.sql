-- segmentation-service: browse abandonment (repurchase/BrowseAbandonment, service/BrowseAbandonmentSweep).
--
-- The intake (store/ProfileStore) keeps one row per product view and cart add; the evaluation cuts them into
-- sessions when it runs, so the order the events arrive in does not matter. A session whose order window has closed
-- is decided once (abandoned: published as BrowseAbandoned; or converted by an order), recorded in browse_session and
-- its rows deleted: browse_activity holds the sessions still open, browse_session the decided ones for a few days.

-- One row per InteractionRecorded of kind PRODUCT_VIEW or CART_ADD, applied once each (the intake's processed-event
-- claim), of customers that have a profile.
CREATE TABLE browse_activity (
    customer_id  VARCHAR(200) NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    kind         VARCHAR(12)  NOT NULL CHECK (kind IN ('PRODUCT_VIEW', 'CART_ADD')),
    sku          TEXT                     -- NULL when the shop sent none
);

CREATE INDEX browse_activity_customer ON browse_activity (customer_id, occurred_at);

-- The sessions decided, identified by their first view or cart add, so that each is published at most once whatever
-- evaluations run again, for whatever asOf. A view or cart add arriving late, within the session gap of a decided
-- session, belongs to it and is not published as a session of its own. Kept for
-- segmentation.browse-abandonment.keep-decided-sessions after the session's last activity.
CREATE TABLE browse_session (
    customer_id        VARCHAR(200) NOT NULL,
    session_started_at TIMESTAMPTZ  NOT NULL,
    last_activity_at   TIMESTAMPTZ  NOT NULL,
    -- true: published as BrowseAbandoned; false: converted by an order, late activity of a decided session, or decided
    -- too long after its window closed to be worth a reminder (segmentation.browse-abandonment.publish-within)
    abandoned          BOOLEAN      NOT NULL,
    -- the asOf of the evaluation that decided it
    decided_as_of      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (customer_id, session_started_at)
);

CREATE INDEX browse_session_last_activity ON browse_session (last_activity_at);
