package org.openretention.testkit;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every service must do from the platform foundation: be ready with its database and Kafka, consume the
 * three input topics, expose metrics, OpenAPI and Swagger UI, and guard its API with tokens. A service's test
 * class extends this and is annotated {@code @QuarkusTest @WithTestResource(PlatformTestResources.class)}.
 */
public abstract class ServiceFoundationContract {

    @Test
    void isReadyWithDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void consumesEveryInputTopic() {
        String customer = TestEvents.newCustomerId();
        Instant now = Instant.now();
        List<Map.Entry<String, EventEnvelope<?>>> events = List.of(
                Map.entry(Topics.CUSTOMERS, TestEvents.customerRegistered(customer, now)),
                Map.entry(Topics.ORDERS, TestEvents.orderCompleted(customer, "o-" + customer, "25.00", now)),
                Map.entry(Topics.INTERACTIONS, EventEnvelope.of(customer, now, "test",
                        org.openretention.events.interactions.InteractionRecorded.checkIn())));
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            events.forEach(e -> kafka.publish(e.getKey(), e.getValue()));
        }
        String token = TestTokens.withRoles("ops");
        for (String consumer : List.of(Topics.CUSTOMERS, Topics.ORDERS, Topics.INTERACTIONS)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().auth().oauth2(token).get("/ops/messaging").then().statusCode(200)
                            .body("consumers.consumer", hasItem(consumer)));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/metrics").then().statusCode(200)
                        .body(containsString("platform_events_consumed_total{consumer=\"orders\",outcome=\"applied\"")));
    }

    @Test
    void servesOpenApiAndSwaggerUi() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void itsApiNeedsATokenWithTheRightRole() {
        given().get("/ops/messaging").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.withRoles("marketing")).get("/ops/messaging")
                .then().statusCode(403).contentType("application/problem+json");
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
