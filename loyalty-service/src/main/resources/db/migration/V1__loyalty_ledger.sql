-- loyalty-service: members, the lot-based points ledger, orders, activity counters, referrals, programme.

CREATE TABLE loyalty_member (
    customer_id             VARCHAR(200) PRIMARY KEY,
    enrolled_at             TIMESTAMPTZ  NOT NULL,
    registered              BOOLEAN      NOT NULL DEFAULT false,
    birthday                DATE,
    referral_code           VARCHAR(64)  UNIQUE,
    tier                    VARCHAR(40)  NOT NULL,
    tier_since              TIMESTAMPTZ  NOT NULL,
    next_requalification_at TIMESTAMPTZ  NOT NULL,
    debt                    BIGINT       NOT NULL DEFAULT 0 CHECK (debt >= 0),
    lifetime_points         BIGINT       NOT NULL DEFAULT 0,
    advanced_to             TIMESTAMPTZ  NOT NULL,
    welcome_bonus_order_id  VARCHAR(200),
    last_birthday_gift_year INT,
    next_due_at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX loyalty_member_due ON loyalty_member (next_due_at);
CREATE INDEX loyalty_member_tier ON loyalty_member (tier);

-- A lot: points earned together, released together, expired together, clawed back together.
CREATE TABLE points_lot (
    id              UUID         PRIMARY KEY,
    customer_id     VARCHAR(200) NOT NULL,
    source          VARCHAR(16)  NOT NULL,
    reason          VARCHAR(40)  NOT NULL,
    order_id        VARCHAR(200),
    cause_id        VARCHAR(200) NOT NULL,
    earned_at       TIMESTAMPTZ  NOT NULL,
    available_at    TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    amount          BIGINT       NOT NULL CHECK (amount > 0),
    remaining       BIGINT       NOT NULL CHECK (remaining >= 0),
    expired         BIGINT       NOT NULL DEFAULT 0 CHECK (expired >= 0),
    expiry_notified BOOLEAN      NOT NULL DEFAULT false,
    CHECK (remaining + expired <= amount)
);
CREATE INDEX points_lot_open ON points_lot (customer_id) WHERE remaining > 0;
CREATE INDEX points_lot_expiring ON points_lot (expires_at) WHERE remaining > 0;

-- Every movement, immutable. available_at: when it counts towards the available balance.
CREATE TABLE ledger_entry (
    id           BIGSERIAL    PRIMARY KEY,
    customer_id  VARCHAR(200) NOT NULL,
    type         VARCHAR(16)  NOT NULL,
    points       BIGINT       NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    cause_id     VARCHAR(200) NOT NULL,
    lot_id       UUID,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    available_at TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(200),
    recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX ledger_entry_customer ON ledger_entry (customer_id, id);

-- Keyed by customer too: an order belongs to its customer, and a shop's order ids need not be unique beyond that.
CREATE TABLE loyalty_order (
    customer_id        VARCHAR(200)  NOT NULL,
    order_id           VARCHAR(200)  NOT NULL,
    occurred_at        TIMESTAMPTZ   NOT NULL,
    currency           CHAR(3)       NOT NULL,
    net_amount         NUMERIC(19,4) NOT NULL,
    qualifying_amount  NUMERIC(19,4) NOT NULL,
    refunded_amount    NUMERIC(19,4) NOT NULL DEFAULT 0,
    points             BIGINT        NOT NULL DEFAULT 0,
    points_clawed      BIGINT        NOT NULL DEFAULT 0,
    status             VARCHAR(20)   NOT NULL,
    PRIMARY KEY (customer_id, order_id)
);
CREATE INDEX loyalty_order_customer ON loyalty_order (customer_id, occurred_at);
CREATE INDEX loyalty_order_time ON loyalty_order (occurred_at);

-- How many times a customer did an earning interaction on a day (for daily caps).
CREATE TABLE daily_activity (
    customer_id VARCHAR(200) NOT NULL,
    day         DATE         NOT NULL,
    trigger     VARCHAR(20)  NOT NULL,
    times       INT          NOT NULL,
    PRIMARY KEY (customer_id, day, trigger)
);

CREATE TABLE referral (
    referee_id          VARCHAR(200) PRIMARY KEY,
    referral_code       VARCHAR(64)  NOT NULL,
    referrer_id         VARCHAR(200),
    invited_at          TIMESTAMPTZ  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    qualifying_order_id VARCHAR(200),
    converts_at         TIMESTAMPTZ,
    converted_at        TIMESTAMPTZ,
    referrer_points     BIGINT       NOT NULL DEFAULT 0,
    referee_points      BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX referral_referrer ON referral (referrer_id);
CREATE INDEX referral_unresolved ON referral (referral_code) WHERE referrer_id IS NULL;
CREATE INDEX referral_due ON referral (converts_at) WHERE status = 'INVITED' AND converts_at IS NOT NULL;

-- The programme, administered over the API.
CREATE TABLE tier (
    name                 VARCHAR(40)   PRIMARY KEY,
    rank                 INT           NOT NULL UNIQUE,
    qualifying_spend     NUMERIC(19,2) NOT NULL,
    multiplier           NUMERIC(6,3)  NOT NULL,
    discount_percent     NUMERIC(5,2)  NOT NULL,
    free_shipping        BOOLEAN       NOT NULL,
    priority_support     BOOLEAN       NOT NULL,
    birthday_gift_points BIGINT        NOT NULL
);
INSERT INTO tier VALUES
    ('MEMBER',  0,     0, 1.0, 0,  false, false, 50),
    ('SILVER',  1,  2000, 1.2, 3,  false, false, 200),
    ('GOLD',    2, 10000, 1.5, 5,  true,  false, 500),
    ('DIAMOND', 3, 50000, 2.0, 10, true,  true,  1500);

-- One row: the earning rules (JSON keeps the shape of EarningRules).
CREATE TABLE earning_rules (
    id         INT          PRIMARY KEY CHECK (id = 1),
    rules      TEXT         NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by VARCHAR(200)
);
INSERT INTO earning_rules (id, rules) VALUES (1,
  '{"pointsPerCurrencyUnit":{"*":1},"checkInPoints":5,"checkInDailyCap":1,"reviewPoints":20,"reviewDailyCap":5,"sharePoints":10,"shareDailyCap":3,"welcomeBonusPoints":100,"referrerPoints":500,"refereePoints":200}');

CREATE TABLE promotion (
    id           UUID          PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    multiplier   NUMERIC(6,3)  NOT NULL,
    bonus_points BIGINT        NOT NULL,
    valid_from   TIMESTAMPTZ   NOT NULL,
    valid_to     TIMESTAMPTZ   NOT NULL,
    categories   TEXT[]        NOT NULL DEFAULT '{}',
    tiers        TEXT[]        NOT NULL DEFAULT '{}',
    triggers     TEXT[]        NOT NULL DEFAULT '{}',
    active       BOOLEAN       NOT NULL DEFAULT true,
    CHECK (valid_to > valid_from)
);

-- Customers who asked to be forgotten: only a keyed hash, to ignore their late events, and anonymous totals.
CREATE TABLE erased_customer (
    customer_hash VARCHAR(64) PRIMARY KEY,
    erased_at     TIMESTAMPTZ NOT NULL
);
CREATE TABLE erased_member_totals (
    id               UUID        PRIMARY KEY,
    erased_at        TIMESTAMPTZ NOT NULL,
    tier             VARCHAR(40) NOT NULL,
    lifetime_points  BIGINT      NOT NULL,
    forfeited_points BIGINT      NOT NULL
);

CREATE TABLE reward (
    id          UUID         PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    points_cost BIGINT       NOT NULL CHECK (points_cost >= 0),
    type        VARCHAR(16)  NOT NULL,
    stock       INT          CHECK (stock >= 0),
    valid_from  TIMESTAMPTZ,
    valid_to    TIMESTAMPTZ,
    min_tier    VARCHAR(40),
    active      BOOLEAN      NOT NULL DEFAULT true,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- A redemption is kept with the caller's Idempotency-Key: the same key returns the same result.
CREATE TABLE redemption (
    id              UUID         PRIMARY KEY,
    customer_id     VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    reward_id       UUID         NOT NULL,
    points          BIGINT       NOT NULL,
    coupon_code     VARCHAR(40)  UNIQUE,
    created_at      TIMESTAMPTZ  NOT NULL,
    UNIQUE (customer_id, idempotency_key)
);
