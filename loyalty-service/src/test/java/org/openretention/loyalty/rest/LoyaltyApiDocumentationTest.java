package org.openretention.loyalty.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openretention.testkit.PlatformTestResources;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The administration, catalogue and report endpoints are in the OpenAPI document marketers' tools are built against. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class LoyaltyApiDocumentationTest {

    @Test
    void everyEndpointIsDocumentedWithItsOperation() {
        Map<String, Map<String, Map<String, Object>>> paths = given().get("/q/openapi?format=json").then().statusCode(200).extract().path("paths");
        Map<String, String[]> expected = Map.ofEntries(
                Map.entry("/rewards", new String[]{"get", "post"}),
                Map.entry("/rewards/{id}", new String[]{"get", "put", "delete"}),
                Map.entry("/customers/{customerId}/redemptions", new String[]{"post"}),
                Map.entry("/customers/{customerId}/adjustments", new String[]{"post"}),
                Map.entry("/customers/{customerId}/referrals", new String[]{"get"}),
                Map.entry("/tiers", new String[]{"get"}),
                Map.entry("/tiers/{name}", new String[]{"get", "put", "delete"}),
                Map.entry("/earning-rules", new String[]{"get", "put"}),
                Map.entry("/promotions", new String[]{"get", "post"}),
                Map.entry("/promotions/{id}", new String[]{"get", "put", "delete"}),
                Map.entry("/reports/liability", new String[]{"get"}),
                Map.entry("/leaderboards/spend", new String[]{"get"}));
        expected.forEach((path, methods) -> {
            assertThat(paths).as("documented paths").containsKey(path);
            for (String method : methods) {
                assertThat(paths.get(path)).as(path).containsKey(method);
                assertThat(paths.get(path).get(method)).as(method + " " + path).containsKeys("summary", "tags");
            }
        });
        Object parameters = paths.get("/customers/{customerId}/redemptions").get("post").get("parameters");
        assertThat(String.valueOf(parameters)).contains("Idempotency-Key");
    }
}
