-- feedback-service: the customer's lifecycle stage (segmentation-service) and loyalty tier (loyalty-service) when they
-- answered, as customer_context held them then, so that NPS and CSAT can be reported by stage and tier as of the answer.
-- NULL: nothing was known of the customer yet. Neither is personal data: erasure keeps them with the counts.
ALTER TABLE survey_response
    ADD COLUMN lifecycle_stage VARCHAR(20),
    ADD COLUMN tier            VARCHAR(40);
