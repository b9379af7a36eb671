-- CustomerErased now deletes a customer's segments together with the profile; until then the evaluation deleted the
-- segments of customers without a profile at its next run, a sweep it no longer does. Once, for rows left behind.
DELETE FROM customer_segment s WHERE NOT EXISTS (SELECT 1 FROM customer_profile p WHERE p.customer_id = s.customer_id);
