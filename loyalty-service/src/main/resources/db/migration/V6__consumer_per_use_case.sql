-- The platform kit now names consumers per use case, not per topic (EventConsumer): the ledger's events applied
-- under the names of their topics count as applied by "ledger", so that none is applied twice after the upgrade.
-- Event ids are unique across topics, so no two rows collide.
UPDATE platform_processed_event SET consumer = 'ledger' WHERE consumer IN ('customers', 'orders', 'interactions');
UPDATE platform_stream_position SET consumer = 'ledger' WHERE consumer IN ('customers', 'orders', 'interactions');
