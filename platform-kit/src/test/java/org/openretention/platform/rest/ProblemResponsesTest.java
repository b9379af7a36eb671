package org.openretention.platform.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class ProblemResponsesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void withoutATokenTheAnswerIs401Problem() {
        given().get("/widgets/w-1")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://openretention.org/problems/unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void aTokenSignedByAnUntrustedKeyIs401() {
        given().auth().oauth2(TestTokens.signedByStranger(Roles.ADMIN)).get("/widgets/w-1")
                .then().statusCode(401).contentType(PROBLEM)
                .body("detail", containsString("invalid or expired"));
    }

    @Test
    void anExpiredTokenIs401() {
        given().auth().oauth2(TestTokens.expired(Roles.ADMIN)).get("/widgets/w-1")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void theWrongRoleIs403Problem() {
        given().auth().oauth2(TestTokens.withRoles(Roles.MARKETING))
                .contentType(ContentType.JSON).body("{\"name\":\"a\",\"points\":5}")
                .post("/widgets")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://openretention.org/problems/forbidden"));
    }

    @Test
    void theRightRoleGetsThrough() {
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN))
                .contentType(ContentType.JSON).body("{\"name\":\"a\",\"points\":5}")
                .post("/widgets")
                .then().statusCode(200).body("name", equalTo("a"));
    }

    @Test
    void invalidFieldsAre400NamingEachField() {
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN))
                .contentType(ContentType.JSON).body("{\"name\":\"\",\"points\":0,\"tags\":[\"ok\",\" \"]}")
                .post("/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://openretention.org/problems/validation"))
                .body("errors.field", hasItems("name", "points", "tags[1]"))
                .body("detail", not(containsString("create")));
    }

    @Test
    void aMissingRequiredFieldIs400NamingIt() {
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN))
                .contentType(ContentType.JSON).body("{\"name\":\"a\"}")
                .post("/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("points"));
    }

    @Test
    void aFieldOfTheWrongTypeIs400NamingIt() {
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN))
                .contentType(ContentType.JSON).body("{\"name\":\"a\",\"points\":\"lots\"}")
                .post("/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("points"))
                .body("detail", not(containsString("java.")));
    }

    @Test
    void malformedJsonIs400() {
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN))
                .contentType(ContentType.JSON).body("{\"name\": ")
                .post("/widgets")
                .then().log().ifValidationFails().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://openretention.org/problems/malformed-body"));
    }

    @Test
    void anInvalidQueryParameterIs400NamingIt() {
        given().auth().oauth2(TestTokens.withRoles(Roles.MARKETING))
                .queryParam("size", 1000)
                .get("/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("size"));
    }

    @Test
    void anUnknownResourceIs404Problem() {
        given().auth().oauth2(TestTokens.withRoles(Roles.MARKETING)).get("/widgets/w-404")
                .then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("no widget w-404"));
    }

    @Test
    void anUnknownPathIs404Problem() {
        given().auth().oauth2(TestTokens.withRoles(Roles.MARKETING)).get("/no-such-thing")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://openretention.org/problems/not-found"));
    }

    @Test
    void aConflictIs409Problem() {
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN))
                .contentType(ContentType.JSON).body("{\"name\":\"taken\",\"points\":5}")
                .post("/widgets")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://openretention.org/problems/conflict"));
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("platform_outbox_backlog"));
    }
}
