-- How far each consumer has applied each input partition, in event time. Jobs that evaluate time-based rules
-- use it not to run ahead of input still being caught up (a replay of history, a consumer behind).
CREATE TABLE platform_stream_position (
    consumer        VARCHAR(100) NOT NULL,
    topic           VARCHAR(200) NOT NULL,
    partition_no    INT          NOT NULL,
    last_event_time TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, topic, partition_no)
);
