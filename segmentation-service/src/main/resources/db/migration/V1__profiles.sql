-- segmentation-service: customer profiles and the facts they are computed from.
--
-- The intake (service/ProfileIntake, store/ProfileStore) stores facts whose merge does not depend on the order the
-- events arrive in (sums, or-ed flags, the value with the latest event time), and then recomputes every aggregate of
-- each customer the batch touched from those facts, in one statement. Events arriving in any order therefore give
-- the same profile. Amounts are in the reporting currency (segmentation.currency).

CREATE TABLE customer_profile (
    customer_id                 VARCHAR(200)  PRIMARY KEY,

    -- Facts kept on the profile row.
    -- The latest event time of any event applied: the instant spend_12m and orders_90d are counted back from.
    last_event_at               TIMESTAMPTZ   NOT NULL,
    -- The earliest registeredAt of CustomerRegistered; NULL for a customer first seen through another event.
    registered_at               TIMESTAMPTZ,
    -- Last write wins by event time (*_at: the event time of the value; ties: the greater value).
    locale                      VARCHAR(35),
    locale_at                   TIMESTAMPTZ,
    loyalty_tier                VARCHAR(40),
    loyalty_tier_at             TIMESTAMPTZ,
    -- Interactions by kind (InteractionKind), all time, and the latest product view and cart add.
    product_views               INT           NOT NULL DEFAULT 0,
    cart_adds                   INT           NOT NULL DEFAULT 0,
    check_ins                   INT           NOT NULL DEFAULT 0,
    reviews                     INT           NOT NULL DEFAULT 0,
    likes                       INT           NOT NULL DEFAULT 0,
    comments                    INT           NOT NULL DEFAULT 0,
    shares                      INT           NOT NULL DEFAULT 0,
    service_contacts            INT           NOT NULL DEFAULT 0,
    last_product_view_at        TIMESTAMPTZ,
    last_cart_add_at            TIMESTAMPTZ,

    -- Aggregates, recomputed from profile_placed_order and the facts above by every batch touching the customer.
    order_count                 INT           NOT NULL DEFAULT 0,
    first_order_at              TIMESTAMPTZ,
    last_order_at               TIMESTAMPTZ,
    net_spend                   NUMERIC(19,4) NOT NULL DEFAULT 0,
    spend_12m                   NUMERIC(19,4) NOT NULL DEFAULT 0,
    orders_90d                  INT           NOT NULL DEFAULT 0,
    avg_order_value             NUMERIC(19,4) NOT NULL DEFAULT 0,
    discounted_order_share      NUMERIC(5,4)  NOT NULL DEFAULT 0,
    -- Gaps between distinct order days (shop's zone): how many, their mean and median in days.
    repeat_intervals            INT           NOT NULL DEFAULT 0,
    repeat_interval_mean_days   NUMERIC(10,2),
    repeat_interval_median_days NUMERIC(10,1),
    -- Items (units) of the orders that count, and the (up to) three categories with the most of them.
    items                       INT           NOT NULL DEFAULT 0,
    top_categories              TEXT[]        NOT NULL DEFAULT '{}',
    top_category_items          INT[]         NOT NULL DEFAULT '{}',
    -- The latest product view / cart add when no order was placed at or after it.
    open_product_view_at        TIMESTAMPTZ,
    open_cart_add_at            TIMESTAMPTZ
) WITH (fillfactor = 80);
-- Every batch rewrites the rows of its customers; free space on each page lets the new version stay on the page
-- without index updates (HOT), as loyalty measured for its member rows (benchmarks/results/loyalty-ledger-2026-11-28-c.md).

-- One row per order a customer placed, refunded or cancelled, in whatever order those events arrive: a refund or
-- cancellation that comes before its order leaves a row without completion (occurred_at NULL), which the order
-- completes when it arrives. Keyed by customer too, as in loyalty: a shop's order ids need not be unique beyond that.
CREATE TABLE profile_order (
    customer_id       VARCHAR(200)  NOT NULL,
    order_id          VARCHAR(200)  NOT NULL,
    -- From OrderCompleted (the earliest one, should it come twice); NULL until it arrives.
    occurred_at       TIMESTAMPTZ,
    net_amount        NUMERIC(19,4),          -- amount - discountAmount, in the reporting currency
    discounted        BOOLEAN,                -- a coupon or a discount went with it
    items_by_category JSONB,                  -- units per category, e.g. {"BOOKS": 2}
    -- From OrderRefunded and OrderCancelled, before or after the completion.
    refunded_amount   NUMERIC(19,4) NOT NULL DEFAULT 0,
    fully_refunded    BOOLEAN       NOT NULL DEFAULT false,
    cancelled         BOOLEAN       NOT NULL DEFAULT false,
    PRIMARY KEY (customer_id, order_id)
);

-- The placed orders (those whose OrderCompleted arrived), with whether each counts and what it leaves spent: a
-- cancelled order does not count, nor does a fully refunded one (flagged full, or refunds adding up to its net
-- amount); a partial refund lowers the net spend. The one definition the intake's recomputation and the
-- evaluations as of any date read.
CREATE VIEW profile_placed_order AS
SELECT customer_id, order_id, occurred_at, discounted, items_by_category, counted,
       CASE WHEN counted THEN net_amount - refunded_amount ELSE 0 END AS net_spend
FROM (SELECT o.*,
             NOT (o.cancelled OR o.fully_refunded OR (o.refunded_amount > 0 AND o.refunded_amount >= o.net_amount)) AS counted
      FROM profile_order o
      WHERE o.occurred_at IS NOT NULL) AS placed;

-- Customers who exercised the right to be forgotten: only a keyed hash of the id (segmentation.erasure-hash-key), so
-- that events still in flight for them, or replayed, do not bring a profile back.
CREATE TABLE erased_customer (
    customer_hash VARCHAR(64) PRIMARY KEY,
    erased_at     TIMESTAMPTZ NOT NULL
);
