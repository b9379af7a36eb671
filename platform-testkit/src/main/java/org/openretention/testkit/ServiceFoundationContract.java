package org.openretention.testkit;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every service must do from the platform foundation: be ready with its database and Kafka, consume exactly
 * the topics its use cases declare, leave Kafka and the database to Dev Services or the test kit, expose metrics, OpenAPI and Swagger UI, and guard its API with tokens. A service's test
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

    /**
     * The service's use cases and the topics each takes in, as its {@code @EventConsumer}s declare them; empty for a
     * service that takes nothing in yet.
     */
    protected abstract Map<String, List<String>> useCases();

    /**
     * An event for each topic beyond the shop's three (customers, orders, interactions) that a use case takes in, so
     * that every use case gets one to apply; none by default.
     */
    protected Map<String, EventEnvelope<?>> eventsOnOtherTopics(String customer, Instant now) {
        return Map.of();
    }

    @Test
    void consumesExactlyTheTopicsItsUseCasesDeclare() {
        String customer = TestEvents.newCustomerId();
        Instant now = Instant.now();
        Map<String, EventEnvelope<?>> events = new java.util.HashMap<>(Map.of(
                Topics.CUSTOMERS, TestEvents.customerRegistered(customer, now),
                Topics.ORDERS, TestEvents.orderCompleted(customer, "o-" + customer, "25.00", now),
                Topics.INTERACTIONS, EventEnvelope.of(customer, now, "test",
                        org.openretention.events.interactions.InteractionRecorded.checkIn())));
        events.putAll(eventsOnOtherTopics(customer, now));
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            // a service provisions only the topics it consumes or publishes: the shop's topics may not exist yet
            events.keySet().forEach(t -> kafka.createTopicIfMissing(t, 3));
            events.forEach(kafka::publish);
        }
        String token = TestTokens.withRoles("ops");
        String application = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        for (Map.Entry<String, List<String>> useCase : useCases().entrySet()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().auth().oauth2(token).get("/ops/messaging").then().statusCode(200)
                            .body("consumers.find { it.consumer == '" + useCase.getKey() + "' }.topics.topic",
                                    containsInAnyOrder(useCase.getValue().toArray()))
                            .body("consumers.find { it.consumer == '" + useCase.getKey() + "' }.eventsApplied", greaterThan(0)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/q/metrics").then().statusCode(200)
                            .body(containsString("platform_events_consumed_total{consumer=\"" + useCase.getKey() + "\",outcome=\"applied\"")));
        }
        // a topic no use case declares is not consumed at all: no consumer group of the service reads it
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            Set<String> declared = new HashSet<>();
            useCases().values().forEach(declared::addAll);
            Set<String> read = kafka.topicsReadByGroups(application + ".");
            for (String topic : events.keySet()) {
                assertEquals(declared.contains(topic), read.contains(topic), topic + " consumed by " + application);
            }
        }
        if (useCases().isEmpty()) {
            given().auth().oauth2(token).get("/ops/messaging").then().statusCode(200).body("consumers", empty());
        }
    }

    @Test
    void leavesKafkaAndTheDatabaseToDevServicesOrTheTestKit() {
        // with the service's own settings for the test profile, Dev Services (where Docker answers) or the test kit
        // (PlatformTestResources, where none does) supply the broker and the database; a value from a properties
        // file would turn Dev Services off
        for (String name : List.of("quarkus.datasource.jdbc.url", "kafka.bootstrap.servers")) {
            ConfigValue value = ConfigProvider.getConfig().getConfigValue(name);
            assertNotNull(value.getValue(), name);
            assertFalse(value.getSourceName().contains("application.properties")
                    || value.getSourceName().contains("microprofile-config.properties"), name + " comes from " + value.getSourceName());
        }
        if (!DockerProbe.dockerAvailable()) {
            assertEquals(InJvmKafka.bootstrapServers(), ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            assertEquals(TestPostgres.database().jdbcUrl(), ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        }
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
