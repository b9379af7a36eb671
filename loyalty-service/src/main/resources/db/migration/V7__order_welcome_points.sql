-- The welcome bonus an order carried (also counted in its points). A partial refund claws back its share of the
-- order's own points only; the welcome bonus goes only once the order is fully refunded or cancelled
-- (docs/loyalty.md). The lots of past orders say how much each welcome bonus was.
ALTER TABLE loyalty_order ADD COLUMN welcome_points BIGINT NOT NULL DEFAULT 0;

UPDATE loyalty_order o SET welcome_points = l.amount
FROM points_lot l
WHERE l.customer_id = o.customer_id AND l.order_id = o.order_id AND l.reason = 'WELCOME_BONUS';
