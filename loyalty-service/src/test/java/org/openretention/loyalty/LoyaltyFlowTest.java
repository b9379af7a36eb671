package org.openretention.loyalty;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.customers.CustomerErased;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.assertj.core.api.Assertions.assertThat;

/** Shop events published to real Kafka, read back through the API. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class LoyaltyFlowTest {

    private static KafkaTestClient kafka;
    private static final Instant NOW = Instant.now();

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forApplication();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    private static String support() {
        return TestTokens.withRoles("support");
    }

    private static void awaitLoyalty(String customer, String path, Object value) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(support()).get("/customers/{id}/loyalty", customer)
                        .then().statusCode(200).body(path, equalTo(value)));
    }

    @Test
    void anOrdersPointsArePendingDuringTheReturnWindowAndAvailableAfter() {
        String recent = TestEvents.newCustomerId();
        String older = TestEvents.newCustomerId();
        kafka.publish(Topics.ORDERS, TestEvents.orderCompleted(recent, "o-r", "200.00", NOW.minus(Duration.ofDays(2))));
        kafka.publish(Topics.ORDERS, TestEvents.orderCompleted(older, "o-o", "200.00", NOW.minus(Duration.ofDays(10))));

        // 200 for the order and the 100-point welcome bonus of a first order
        awaitLoyalty(recent, "pendingPoints", 300);
        given().auth().oauth2(support()).get("/customers/{id}/loyalty", recent).then()
                .body("availablePoints", equalTo(0)).body("tier", equalTo("MEMBER"))
                .body("tierProgress.nextTier", equalTo("SILVER"))
                .body("tierProgress.amountNeeded", equalTo(1800.00f));
        awaitLoyalty(older, "availablePoints", 300);
        given().auth().oauth2(support()).get("/customers/{id}/loyalty", older).then()
                .body("pendingPoints", equalTo(0)).body("lifetimePoints", equalTo(300))
                .body("expiringSoon", equalTo(null));
    }

    @Test
    void aChangeOfTheEarningRulesCountsFromTheNextEventOn() {
        String before = TestEvents.newCustomerId();
        kafka.publish(Topics.ORDERS, TestEvents.orderCompleted(before, "o-b", "50.00", NOW.minus(Duration.ofDays(1))));
        awaitLoyalty(before, "pendingPoints", 150); // the intake now holds the programme in memory
        String admin = TestTokens.withRoles("admin");
        java.util.Map<String, Object> rules = new java.util.HashMap<>(
                given().auth().oauth2(admin).get("/earning-rules").then().statusCode(200).extract().jsonPath().getMap(""));
        Object welcome = rules.get("welcomeBonusPoints");
        try {
            rules.put("welcomeBonusPoints", 137);
            given().auth().oauth2(admin).contentType("application/json").body(rules).put("/earning-rules").then().statusCode(200);
            String after = TestEvents.newCustomerId();
            kafka.publish(Topics.ORDERS, TestEvents.orderCompleted(after, "o-a", "50.00", NOW.minus(Duration.ofDays(1))));
            awaitLoyalty(after, "pendingPoints", 187);
        } finally {
            rules.put("welcomeBonusPoints", welcome);
            given().auth().oauth2(admin).contentType("application/json").body(rules).put("/earning-rules").then().statusCode(200);
        }
    }

    @Test
    void aPartialRefundClawsBackItsShareOfTheOrdersPoints() {
        String customer = TestEvents.newCustomerId();
        kafka.publish(Topics.ORDERS, TestEvents.orderCompleted(customer, "o-1", "1000.00", NOW.minus(Duration.ofDays(20))));
        kafka.publish(Topics.ORDERS, EventEnvelope.of(customer, NOW.minus(Duration.ofDays(15)), "test",
                new OrderRefunded("o-1", "rf-1", new BigDecimal("250.00"), "CNY", false, "damaged")));

        // the order made 1000 + 100 welcome = 1100 points; a quarter of the money back takes a quarter of the order's
        // own 1000 (250), and none of the welcome bonus, which goes only with a full refund
        awaitLoyalty(customer, "availablePoints", 850);
        given().auth().oauth2(support()).get("/customers/{id}/ledger", customer).then().statusCode(200)
                .body("entries.findAll { it.type == 'CLAWBACK' }.points.sum()", equalTo(-250))
                .body("entries.findAll { it.type != 'CLAWBACK' }.points.sum()", equalTo(1100))
                .body("entries[0].type", equalTo("CLAWBACK"));
    }

    @Test
    void crossingATierThresholdUpgradesAtOnceAndPublishesTierChanged() {
        String customer = TestEvents.newCustomerId();
        kafka.publish(Topics.ORDERS, TestEvents.orderCompleted(customer, "o-big", "2500.00", NOW.minus(Duration.ofDays(1))));

        awaitLoyalty(customer, "tier", "SILVER");
        given().auth().oauth2(support()).get("/customers/{id}/loyalty", customer).then()
                .body("tierBenefits.discountPercent", equalTo(3.0f))
                .body("tierProgress.nextTier", equalTo("GOLD"));
        List<ConsumerRecord<String, byte[]>> published = kafka.readUntil(Topics.LOYALTY_EVENTS, Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> customer.equals(r.key()) && new String(r.value(), StandardCharsets.UTF_8).contains("\"toTier\":\"SILVER\"")));
        assertThat(published).anyMatch(r -> customer.equals(r.key()) && new String(r.value(), StandardCharsets.UTF_8).contains("\"toTier\":\"SILVER\""));
    }

    @Test
    void checkInsEarnOncePerDay() {
        String customer = TestEvents.newCustomerId();
        Instant morning = NOW.minus(Duration.ofDays(3));
        for (int i = 0; i < 3; i++) {
            kafka.publish(Topics.INTERACTIONS, EventEnvelope.of(customer, morning.plusSeconds(60L * i), "test", InteractionRecorded.checkIn()));
        }
        kafka.publish(Topics.INTERACTIONS, EventEnvelope.of(customer, morning.plus(Duration.ofDays(1)), "test", InteractionRecorded.checkIn()));

        awaitLoyalty(customer, "lifetimePoints", 10);
        given().auth().oauth2(support()).get("/customers/{id}/loyalty", customer).then().body("availablePoints", equalTo(10));
    }

    @Test
    void anErasedCustomerIsForgottenAndLaterEventsAreIgnored() {
        String customer = TestEvents.newCustomerId();
        kafka.publish(Topics.CUSTOMERS, TestEvents.customerRegistered(customer, NOW.minus(Duration.ofDays(30))));
        kafka.publish(Topics.ORDERS, TestEvents.orderCompleted(customer, "o-e", "100.00", NOW.minus(Duration.ofDays(20))));
        awaitLoyalty(customer, "availablePoints", 200);

        kafka.publish(Topics.CUSTOMERS, EventEnvelope.of(customer, NOW.minus(Duration.ofDays(1)), "test", new CustomerErased(NOW.minus(Duration.ofDays(1)))));
        kafka.publish(Topics.CUSTOMERS, TestEvents.customerRegistered(customer + "-marker", NOW));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(support()).get("/customers/{id}/loyalty", customer).then().statusCode(404)
                        .contentType("application/problem+json"));

        kafka.publish(Topics.ORDERS, TestEvents.orderCompleted(customer, "o-late", "100.00", NOW));
        kafka.publish(Topics.ORDERS, TestEvents.orderCompleted(customer + "-marker", "o-m", "1.00", NOW));
        awaitLoyalty(customer + "-marker", "pendingPoints", 101);
        given().auth().oauth2(support()).get("/customers/{id}/loyalty", customer).then().statusCode(404);
        given().auth().oauth2(support()).get("/customers/{id}/ledger", customer).then().statusCode(404);
    }

    @Test
    void theApiNeedsTheRightRole() {
        given().get("/customers/{id}/loyalty", "c-x").then().statusCode(401);
        given().auth().oauth2(TestTokens.withRoles("marketing")).get("/customers/{id}/ledger", "c-x").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("marketing")).get("/customers/{id}/loyalty", "c-unknown").then().statusCode(404)
                .body("detail", notNullValue());
        given().auth().oauth2(support()).queryParam("size", 0).get("/customers/{id}/ledger", "c-x").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }
}
