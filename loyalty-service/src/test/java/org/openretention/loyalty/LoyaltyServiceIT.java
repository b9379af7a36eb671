package org.openretention.loyalty;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openretention.events.Topics;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PackagedServiceContract;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The packaged loyalty service: shop events in over Kafka, the member's points out over the API. */
@QuarkusIntegrationTest
@WithTestResource(PlatformTestResources.class)
class LoyaltyServiceIT extends PackagedServiceContract {

    @Test
    void aRegisteredCustomersOrderBecomesPointsVisibleToSupport() {
        String customer = TestEvents.newCustomerId();
        Instant now = Instant.now();
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            kafka.publish(Topics.CUSTOMERS, TestEvents.customerRegistered(customer, now.minus(Duration.ofDays(30))));
            kafka.publish(Topics.ORDERS, TestEvents.orderCompleted(customer, "o-it", "100.00", now.minus(Duration.ofDays(20))));
        }
        // 100 points for the order, past its return window, and the welcome bonus of a first order
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.withRoles("support")).get("/customers/{id}/loyalty", customer)
                        .then().statusCode(200)
                        .body("availablePoints", equalTo(200))
                        .body("tier", equalTo("MEMBER")));
    }
}
