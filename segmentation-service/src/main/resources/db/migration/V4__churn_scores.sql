-- segmentation-service: what the churn flag and the repurchase reminders need.
--
-- customer_profile.repeat_spend: net spend of the customer's repeat transactions (every order day but the first, in
-- the shop's zone), so that the evaluation reads the Gamma-Gamma inputs (x = repeat_intervals, mean repeat value =
-- repeat_spend / repeat_intervals) from the profile row rather than from every order.
ALTER TABLE customer_profile ADD COLUMN repeat_spend NUMERIC(19,4) NOT NULL DEFAULT 0;

-- Profiles written before this column existed: their repeat spend from their orders (the intake recomputes it with
-- every later batch too), days counted in the shop's zone (segmentation.timezone, as a Flyway placeholder: a region
-- id such as UTC or Asia/Shanghai; PostgreSQL would read a bare offset such as +08:00 the POSIX way, sign reversed).
UPDATE customer_profile c SET repeat_spend = r.repeat_spend
FROM (SELECT customer_id, sum(spend) FILTER (WHERE day > first_day) AS repeat_spend
      FROM (SELECT customer_id, CAST(occurred_at AT TIME ZONE '${shop_zone}' AS date) AS day, sum(net_spend) AS spend,
                   min(CAST(occurred_at AT TIME ZONE '${shop_zone}' AS date)) OVER (PARTITION BY customer_id) AS first_day
            FROM profile_placed_order WHERE counted
            GROUP BY customer_id, CAST(occurred_at AT TIME ZONE '${shop_zone}' AS date)) d
      GROUP BY customer_id) r
WHERE r.customer_id = c.customer_id AND r.repeat_spend IS NOT NULL;

-- The churn scores of the evaluation that last wrote the row (NULL without an active model fit, or for a customer who
-- never bought): the purchase model's probability alive, the 12-month CLV (Gamma-Gamma) and which fit and model made
-- them. The churn flag (churn_flagged, churn_rule) records these figures as of the evaluation that raised it.
ALTER TABLE customer_segment
    ADD COLUMN probability_alive DOUBLE PRECISION,
    ADD COLUMN clv_12m           NUMERIC(19,4),
    ADD COLUMN churn_model       VARCHAR(20),
    ADD COLUMN churn_fit_id      BIGINT,
    -- Repurchase timing: the day the customer is expected to buy again (shop's zone), how it was found, and the
    -- cycle (the last order it counts from) a RepurchaseDue was published for, so that it is published once per cycle.
    ADD COLUMN next_purchase_on          DATE,
    ADD COLUMN repurchase_basis          VARCHAR(30),
    ADD COLUMN repurchase_interval_days  INT,
    ADD COLUMN repurchase_category       VARCHAR(200),
    ADD COLUMN repurchase_due_sent_for   TIMESTAMPTZ;
