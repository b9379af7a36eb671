package org.openretention.feedback.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.customers.CustomerErased;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** CustomerErased on real Kafka: the survey answers lose the customer's texts and ids, the reports keep their counts. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class FeedbackErasureTest {

    private static KafkaTestClient kafka;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forApplication();
        kafka.createTopicIfMissing(Topics.CUSTOMERS, 3);
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void anErasedCustomersAnswersKeepOnlyWhatTheReportsCount() throws Exception {
        String customer = TestEvents.newCustomerId();
        String other = TestEvents.newCustomerId();
        for (String c : new String[] {customer, other}) {
            given().auth().oauth2(TestTokens.withRoles("support")).contentType(ContentType.JSON)
                    .body(Map.of("customerId", c, "score", 2, "comment", "差评，质量太差", "orderId", "o-1", "answeredAt", "2032-05-04T10:00:00Z"))
                    .post("/surveys/nps").then().statusCode(201);
        }
        EventEnvelope<CustomerErased> erased = EventEnvelope.of(customer, Instant.now(), "test", new CustomerErased(Instant.now()));
        kafka.publish(Topics.CUSTOMERS, erased);
        kafka.publish(Topics.CUSTOMERS, erased); // the same event again: recognised by its id

        await().atMost(Duration.ofSeconds(60)).until(() -> answersOf(customer) == 0);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*), count(comment), count(order_id), count(comment_sentiment) "
                     + "FROM survey_response WHERE customer_id = 'erased' AND answered_at = TIMESTAMPTZ '2032-05-04T10:00:00Z'");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).as("the answer stays").isEqualTo(1);
            assertThat(rs.getInt(2) + rs.getInt(3) + rs.getInt(4)).as("without its text and ids").isZero();
        }
        assertThat(answersOf(other)).as("another customer's answer is untouched").isEqualTo(1);
        given().auth().oauth2(TestTokens.withRoles("marketing")).queryParam("from", "2032-05-04").queryParam("to", "2032-05-04")
                .get("/metrics/nps").then().statusCode(200)
                .body("groups[0].answers", equalTo(2))
                .body("groups[0].detractors", equalTo(2));
    }

    private int answersOf(String customer) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM survey_response WHERE customer_id = ?")) {
            s.setString(1, customer);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
