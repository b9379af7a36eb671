package org.openretention.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings every service shares: its topics, the outbox relay and how the intake retries. */
@ConfigMapping(prefix = "openretention")
public interface PlatformConfig {

    /** Name of the service; written into dead-letter headers. */
    @WithDefault("${quarkus.application.name}")
    String serviceName();

    /**
     * This instance's name among the instances of the service, unique per instance and stable across its restarts
     * (default: host name and HTTP port). Its Kafka consumers are static members of their groups under it, so a
     * restarted instance gets its partitions back at once.
     */
    Optional<String> instanceId();

    Kafka kafka();

    OutboxSettings outbox();

    IntakeSettings intake();

    JdbcSettings jdbc();

    SecuritySettings security();

    interface Kafka {
        @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
        String bootstrapServers();

        /** Partitions of every topic the service creates; more partitions allow more instances per consumer group. */
        @WithDefault("12")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /** Create missing topics (and the dead-letter twins of consumed ones) at start. */
        @WithDefault("true")
        boolean provisionTopics();

        /** Topics to create with their {@code <topic>.dlq} besides those the use cases consume (see EventConsumer). */
        Optional<List<String>> consumes();

        /** Topics the service publishes to through its outbox. */
        Optional<List<String>> publishes();

        /** How long a send may wait for the broker before it counts as failed. */
        @WithDefault("PT10S")
        Duration sendTimeout();
    }

    interface OutboxSettings {
        /** Run the relay in this instance; every instance may, a database lock lets one relay at a time. */
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the relay looks for unsent events when no commit woke it, while events come. */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        /**
         * The longest pause between two looks when nothing came for a while: after each round that found nothing, the
         * pause doubles from {@link #pollInterval} up to this. A commit of this instance wakes the relay at once
         * whatever the pause; only rows no commit announced (written by an instance that stopped before relaying them)
         * wait for it.
         */
        @WithDefault("PT5S")
        Duration idlePollInterval();

        /**
         * Events the relay takes, sends and deletes per round (one transaction, one flush), in whole outbox rows (a row
         * holds the events of one publishAll): the last row of a round may take it beyond.
         */
        @WithDefault("2000")
        int batchSize();

        /** Longest pause between attempts while the broker refuses. */
        @WithDefault("PT5S")
        Duration maxBackoff();

        /**
         * Rows the relay deletes before it vacuums the outbox table itself; 0 leaves it to autovacuum. A queue
         * table's index fills with the entries of deleted rows, which every round's "oldest rows first" scan walks
         * until a vacuum removes them; autovacuum looks at most once a minute (measured: rounds slowed from 0.15 to
         * 8.8 ms at 2,000 events/s).
         */
        @WithDefault("20000")
        long vacuumAfterRows();

        /** Least time between two vacuums of the outbox table by the relay. */
        @WithDefault("PT10S")
        Duration vacuumMinInterval();
    }

    interface IntakeSettings {
        /** Consume the topics the service's use cases declare; off, the service takes no events in. */
        @WithDefault("true")
        boolean enabled();

        /** Longest time between two commits of a consumer's offsets (also committed on rebalance and stop). */
        @WithDefault("PT1S")
        Duration commitInterval();

        /** Time without records after which a consumer counts as idle (see idleFetchInterval). */
        @WithDefault("PT2S")
        Duration idleAfter();

        /**
         * How often an idle consumer asks the broker for records, for topics fetched with a shorter
         * {@code fetch.max.wait.ms}; 0 keeps asking at the fetch wait. Bounds the wait of the first record after a
         * quiet spell. Idle loyalty-service: 3.4 % of a core at 0.2 s, 2.9 % at 0.5 s
         * (stack-footprint-2026-12-07-idle-one-fetch-probe, -idle-500ms-warm).
         */
        @WithDefault("PT0.5S")
        Duration idleFetchInterval();

        /** Attempts at an event whose processing fails for a reason other than a lost database connection. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("PT0.2S")
        Duration retryBackoff();

        /**
         * A partition whose newest applied event is older than this, and that received records within this, is
         * catching up: time-based jobs wait for it (see StreamPositions).
         */
        @WithDefault("PT1M")
        Duration settleAfter();
    }

    interface JdbcSettings {
        /**
         * Rows of one table above which StatementPipeline inserts with COPY instead of a queued INSERT from arrays.
         * COPY writes many rows for less but takes round trips of its own; measured with the loyalty benchmark.
         */
        @WithDefault("200")
        int copyThreshold();
    }

    interface SecuritySettings {
        TokenCache tokenCache();

        /** Bearer tokens verified once, then remembered until they expire (see VerifiedTokenCache). */
        interface TokenCache {
            @WithDefault("true")
            boolean enabled();

            /** Most tokens remembered at once; when full, expired ones are dropped, or else all. */
            @WithDefault("10000")
            int maxEntries();
        }
    }
}
