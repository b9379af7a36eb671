package org.openretention.platform.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A database outage while a backlog is being taken in: PostgreSQL is stopped as by a crash ({@code pg_ctl stop -m
 * immediate}) for longer than the consumers' {@code max.poll.interval.ms} (so they also drop out of their group), more
 * records arrive meanwhile, and PostgreSQL comes back. Every channel must resume by itself, and every event must be
 * applied exactly once, with nothing dead-lettered.
 */
@QuarkusTest
@TestProfile(IntakeOutageTest.ShortPollInterval.class)
@WithTestResource(PlatformTestResources.class)
class IntakeOutageTest {

    private static final String TOPIC = "kit-orders";

    public static class ShortPollInterval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // an outage of 12 s outlasts it: the consumers are dropped from the group and must rejoin
            return Map.of("kafka-consumer.defaults.max.poll.interval.ms", "6000",
                    "kafka-consumer.defaults.session.timeout.ms", "6000",
                    "kafka-consumer.defaults.heartbeat.interval.ms", "1000");
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventConsumers consumers;

    @Test
    void everyEventIsAppliedOnceAfterTheDatabaseComesBack() throws Exception {
        assumeTrue(TestPostgres.canStop(), "needs the test kit's private PostgreSQL cluster, which it can stop");
        durableCommits();
        String prefix = "outage-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int customers = 50;
        int perRound = 20;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publish(kafka, prefix, customers, 0, perRound);
            await().atMost(Duration.ofSeconds(60)).until(() -> applied(prefix)[0] > 0);

            TestPostgres.outage(() -> {
                publish(kafka, prefix, customers, perRound, 2 * perRound);
                pause(Duration.ofSeconds(12));
            });
            publish(kafka, prefix, customers, 2 * perRound, 3 * perRound);
        }
        int expected = customers * 3 * perRound;
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> applied(prefix)[0] >= expected);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("applied " + java.util.Arrays.toString(applied(prefix)) + " of " + expected + "; intake: "
                    + consumers.status() + "; ready: " + given().get("/q/health/ready").asString(), e);
        }
        long[] counts = applied(prefix);
        assertThat(counts[0]).as("rows").isEqualTo(expected);
        assertThat(counts[1]).as("distinct events").isEqualTo(expected);
        given().get("/q/health/ready").then().statusCode(200);
    }

    /**
     * The test kit's cluster runs with synchronous_commit=off for speed, which loses the last commits in a crash, as
     * it would in production with that setting; production runs with it on, and so does this test's database.
     */
    private void durableCommits() throws SQLException {
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET synchronous_commit = on', current_database()); END $$");
        }
        dataSource.flush(io.agroal.api.AgroalDataSource.FlushMode.ALL);
    }

    private static void publish(KafkaTestClient kafka, String prefix, int customers, int from, int to) {
        for (int i = from; i < to; i++) {
            for (int c = 0; c < customers; c++) {
                kafka.publish(TOPIC, TestEvents.orderCompleted(prefix + c, "o-" + i, "10.00", Instant.now()));
            }
        }
    }

    /** Rows of the test effect for the customers of this test, and their distinct event ids. */
    private long[] applied(String prefix) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*), count(DISTINCT event_id) FROM kit_test_effect WHERE customer_id LIKE ?")) {
            s.setString(1, prefix + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2)};
            }
        } catch (SQLException e) {
            org.jboss.logging.Logger.getLogger(IntakeOutageTest.class).infof("counting failed: %s", e.getMessage());
            return new long[]{-1, -1}; // the database is still coming back
        }
    }

    /** The length of the outage, a scenario parameter (the fault), not a wait for a result. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
