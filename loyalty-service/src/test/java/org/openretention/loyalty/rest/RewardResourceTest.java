package org.openretention.loyalty.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openretention.platform.rest.Roles;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestTokens;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class RewardResourceTest {

    static final String PROBLEM = "application/problem+json";

    static String create(Map<String, Object> reward) {
        return given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN)).contentType(ContentType.JSON).body(reward)
                .post("/rewards").then().statusCode(201).extract().path("id");
    }

    @Test
    void anAdministratorCreatesReadsUpdatesAndSoftDeletesAReward() {
        String admin = TestTokens.withRoles(Roles.ADMIN);
        String marketing = TestTokens.withRoles(Roles.MARKETING);
        String location = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "  Tea mug  ", "pointsCost", 300, "type", "GIFT", "stock", 20,
                        "validFrom", "2026-01-01T00:00:00Z", "validTo", "2030-01-01T00:00:00Z", "minTier", "SILVER"))
                .post("/rewards")
                .then().statusCode(201)
                .body("name", equalTo("Tea mug"))
                .body("pointsCost", equalTo(300))
                .body("type", equalTo("GIFT"))
                .body("stock", equalTo(20))
                .body("validFrom", equalTo("2026-01-01T00:00:00Z"))
                .body("validTo", equalTo("2030-01-01T00:00:00Z"))
                .body("minTier", equalTo("SILVER"))
                .body("active", equalTo(true))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        UUID.fromString(id);
        org.assertj.core.api.Assertions.assertThat(location).endsWith("/rewards/" + id);

        given().auth().oauth2(marketing).get("/rewards/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("name", equalTo("Tea mug"));
        given().auth().oauth2(marketing).get("/rewards")
                .then().statusCode(200).body("id", hasItem(id));

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Big tea mug", "pointsCost", 350, "type", "GIFT", "stock", 5))
                .put("/rewards/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Big tea mug"))
                .body("pointsCost", equalTo(350))
                .body("stock", equalTo(5))
                .body("minTier", nullValue())
                .body("validTo", nullValue())
                .body("active", equalTo(true));

        given().auth().oauth2(admin).delete("/rewards/" + id).then().statusCode(204);
        given().auth().oauth2(marketing).get("/rewards/" + id)
                .then().statusCode(200).body("active", equalTo(false)).body("name", equalTo("Big tea mug"));
        given().auth().oauth2(marketing).queryParam("activeOnly", true).get("/rewards")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(marketing).get("/rewards")
                .then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void anUnlimitedCouponNeedsNoStockNorWindow() {
        String id = create(Map.of("name", "10% off", "pointsCost", 0, "type", "COUPON"));
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN)).get("/rewards/" + id)
                .then().statusCode(200).body("stock", nullValue()).body("pointsCost", equalTo(0)).body("type", equalTo("COUPON"));
    }

    @Test
    void invalidFieldsAre400NamingEachField() {
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("name", " ", "pointsCost", -1, "stock", -2))
                .post("/rewards")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://openretention.org/problems/validation"))
                .body("errors.field", hasItems("name", "pointsCost", "type", "stock"));
    }

    @Test
    void aWindowEndingBeforeItStartsAndAnUnknownMinTierAre400() {
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("name", "Backwards", "pointsCost", 10, "type", "SERVICE",
                        "validFrom", "2027-01-01T00:00:00Z", "validTo", "2026-01-01T00:00:00Z", "minTier", "PLATINUM"))
                .post("/rewards")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("validTo", "minTier"))
                .body("detail", containsString("'PLATINUM' is not a tier"));
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("name", "Same instant", "pointsCost", 10, "type", "SERVICE",
                        "validFrom", "2027-01-01T00:00:00Z", "validTo", "2027-01-01T00:00:00Z"))
                .post("/rewards")
                .then().statusCode(400).body("errors.field", hasItem("validTo"));
    }

    @Test
    void anUnknownTypeIs400NamingIt() {
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("name", "Voucher", "pointsCost", 10, "type", "VOUCHER"))
                .post("/rewards")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("type"));
    }

    @Test
    void anUnknownTypeIsNamedTogetherWithEveryOtherBadField() {
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("name", " ", "pointsCost", -1, "type", "VOUCHER"))
                .post("/rewards")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://openretention.org/problems/validation"))
                .body("errors.field", containsInAnyOrder("name", "pointsCost", "type"))
                .body("detail", containsString("type must be one of [COUPON, GIFT, SERVICE, CASHBACK]"));
    }

    @Test
    void aMalformedInstantIsNamedTogetherWithTheOtherBadFields() {
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("name", "Mug", "pointsCost", 10, "type", "MUG", "validFrom", "next monday", "minTier", "PLATINUM"))
                .post("/rewards")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("type", "validFrom", "minTier"));
    }

    @Test
    void marketingMayReadButNotWrite() {
        String id = create(Map.of("name", "Gift wrap", "pointsCost", 50, "type", "SERVICE"));
        String marketing = TestTokens.withRoles(Roles.MARKETING);
        Map<String, Object> body = Map.of("name", "Gift wrap", "pointsCost", 1, "type", "SERVICE");
        given().auth().oauth2(marketing).contentType(ContentType.JSON).body(body).post("/rewards")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(marketing).contentType(ContentType.JSON).body(body).put("/rewards/" + id)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(marketing).delete("/rewards/" + id)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.withRoles(Roles.SUPPORT)).get("/rewards")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.withRoles(Roles.SUPPORT)).contentType(ContentType.JSON).body(body).post("/rewards")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.withRoles(Roles.OPS)).get("/rewards")
                .then().statusCode(403);
        given().get("/rewards").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(marketing).get("/rewards/" + id)
                .then().statusCode(200).body("pointsCost", equalTo(50));
    }

    @Test
    void anUnknownRewardIs404() {
        String unknown = UUID.randomUUID().toString();
        String admin = TestTokens.withRoles(Roles.ADMIN);
        given().auth().oauth2(admin).get("/rewards/" + unknown)
                .then().statusCode(404).contentType(PROBLEM).body("detail", endsWith(unknown));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Nothing", "pointsCost", 1, "type", "GIFT"))
                .put("/rewards/" + unknown)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin).delete("/rewards/" + unknown)
                .then().statusCode(404).contentType(PROBLEM);
    }
}
