package org.openretention.testkit;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What every service does as the packaged application ({@code target/quarkus-app/quarkus-run.jar}, production
 * profile), the way it is deployed: it becomes ready with its database and Kafka, guards its API with tokens and
 * serves its OpenAPI document and metrics. A service's {@code *IT} class extends this and is annotated
 * {@code @QuarkusIntegrationTest @WithTestResource(PlatformTestResources.class)}; Maven's failsafe plugin runs it in
 * {@code verify}, after {@code package}. The test resources run in the test JVM and Quarkus hands their settings
 * (broker, database, token key) to the launched application.
 */
public abstract class PackagedServiceContract {

    @Test
    void becomesReadyWithDatabaseAndKafka() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.name", hasItem(containsString("Database")))
                        .body("checks.name", hasItem(containsString("Kafka"))));
    }

    @Test
    void answersOperatorsWithATokenAndNobodyWithout() {
        given().auth().oauth2(TestTokens.withRoles("ops")).get("/ops/messaging").then().statusCode(200)
                .body("outbox", notNullValue());
        given().get("/ops/messaging").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void servesItsOpenApiDocumentAndMetrics() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", containsString("3."))
                .body("paths", hasKey("/ops/messaging"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
