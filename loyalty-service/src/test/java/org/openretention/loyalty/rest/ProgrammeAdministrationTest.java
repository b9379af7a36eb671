package org.openretention.loyalty.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openretention.platform.rest.Roles;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Tiers, earning rules and promotions. The programme is shared by every test, so these tests change it only in
 * ways nobody else notices: tiers of their own far above any spend, promotions far in the future, earning rules
 * for a currency no test uses, and they put back what they changed.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class ProgrammeAdministrationTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ACTOR = "tester@openretention.test";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    org.openretention.platform.jdbc.StatementPipeline pipeline;
    @Inject
    org.openretention.loyalty.program.ProgrammeRepository programmes;

    private static String admin() {
        return TestTokens.withRoles(Roles.ADMIN);
    }

    private static String marketing() {
        return TestTokens.withRoles(Roles.MARKETING);
    }

    private static Map<String, Object> tier(int rank) {
        Map<String, Object> tier = new HashMap<>();
        tier.put("rank", rank);
        tier.put("qualifyingSpend", new java.math.BigDecimal("900000000000.00"));
        tier.put("multiplier", 3.5);
        tier.put("discountPercent", 12.5);
        tier.put("freeShipping", true);
        tier.put("prioritySupport", true);
        tier.put("birthdayGiftPoints", 3000);
        return tier;
    }

    private static String newTierName() {
        return "T_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
    }

    private static int newRank() {
        return ThreadLocalRandom.current().nextInt(1000, 9999);
    }

    // ---------------------------------------------------------------- tiers

    @Test
    void tiersAreListedByRankForMarketing() {
        List<String> names = given().auth().oauth2(marketing()).get("/tiers").then().statusCode(200).extract().path("name");
        assertThat(names).containsSubsequence("MEMBER", "SILVER", "GOLD", "DIAMOND");
        given().auth().oauth2(marketing()).get("/tiers/GOLD").then().statusCode(200)
                .body("rank", equalTo(2)).body("freeShipping", equalTo(true)).body("birthdayGiftPoints", equalTo(500));
        given().auth().oauth2(TestTokens.withRoles(Roles.SUPPORT)).get("/tiers").then().statusCode(403);
    }

    @Test
    void anAdministratorCreatesReplacesAndDeletesATier() {
        String name = newTierName();
        int rank = newRank();
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(tier(rank)).put("/tiers/" + name)
                .then().statusCode(201)
                .header("Location", containsString("/tiers/" + name))
                .body("name", equalTo(name)).body("rank", equalTo(rank))
                .body("multiplier", equalTo(3.5f)).body("discountPercent", equalTo(12.5f))
                .body("birthdayGiftPoints", equalTo(3000));

        Map<String, Object> changed = tier(rank);
        changed.put("multiplier", 4);
        changed.put("freeShipping", false);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(changed).put("/tiers/" + name)
                .then().statusCode(200).body("multiplier", equalTo(4.0f)).body("freeShipping", equalTo(false));
        given().auth().oauth2(marketing()).get("/tiers").then().statusCode(200).body("name", hasItem(name));

        given().auth().oauth2(admin()).delete("/tiers/" + name).then().statusCode(204);
        given().auth().oauth2(admin()).get("/tiers/" + name).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin()).delete("/tiers/" + name).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aRankAnotherTierHoldsIs409() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(tier(1)).put("/tiers/" + newTierName())
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("SILVER"));
    }

    @Test
    void aTierMembersHoldOrARewardRequiresCannotBeDeleted() {
        new TestMembers(dataSource).registered(); // at least one member holds the entry tier
        given().auth().oauth2(admin()).delete("/tiers/MEMBER")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("held by"));

        String name = newTierName();
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(tier(newRank())).put("/tiers/" + name).then().statusCode(201);
        String reward = RewardResourceTest.create(Map.of("name", "For " + name, "pointsCost", 1, "type", "GIFT", "minTier", name));
        given().auth().oauth2(admin()).delete("/tiers/" + name)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("reward"));
        given().auth().oauth2(admin()).delete("/rewards/" + reward).then().statusCode(204);
        given().auth().oauth2(admin()).delete("/tiers/" + name).then().statusCode(204);
    }

    @Test
    void invalidTiersAre400NamingEachField() {
        Map<String, Object> bad = tier(-1);
        bad.put("qualifyingSpend", -5);
        bad.put("multiplier", 0);
        bad.put("discountPercent", 100.5);
        bad.put("birthdayGiftPoints", -1);
        bad.remove("freeShipping");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(bad).put("/tiers/" + newTierName())
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("rank", "qualifyingSpend", "multiplier", "discountPercent", "birthdayGiftPoints", "freeShipping"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(tier(newRank())).put("/tiers/gold")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("name"));
    }

    @Test
    void marketingCannotChangeTiers() {
        given().auth().oauth2(marketing()).contentType(ContentType.JSON).body(tier(newRank())).put("/tiers/" + newTierName())
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(marketing()).delete("/tiers/DIAMOND").then().statusCode(403).contentType(PROBLEM);
    }

    // ---------------------------------------------------------------- earning rules

    @Test
    void anAdministratorReplacesTheEarningRules() {
        JsonPath original = given().auth().oauth2(marketing()).get("/earning-rules").then().statusCode(200)
                .body("pointsPerCurrencyUnit", notNullValue())
                .body("welcomeBonusPoints", notNullValue())
                .extract().jsonPath();
        Map<String, Object> rules = new HashMap<>(original.getMap(""));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> rates = new HashMap<>((Map<String, Object>) rules.get("pointsPerCurrencyUnit"));
            rates.put("XTS", 2.5); // ISO 4217's code for testing: no order of any test is in it
            rules.put("pointsPerCurrencyUnit", rates);
            given().auth().oauth2(admin()).contentType(ContentType.JSON).body(rules).put("/earning-rules")
                    .then().statusCode(200)
                    .body("pointsPerCurrencyUnit.XTS", equalTo(2.5f))
                    .body("updatedBy", equalTo(ACTOR))
                    .body("updatedAt", notNullValue());
            given().auth().oauth2(marketing()).get("/earning-rules").then().statusCode(200)
                    .body("pointsPerCurrencyUnit.XTS", equalTo(2.5f))
                    .body("checkInPoints", equalTo(original.getInt("checkInPoints")))
                    .body("updatedBy", equalTo(ACTOR));
        } finally {
            rules.put("pointsPerCurrencyUnit", original.getMap("pointsPerCurrencyUnit"));
            given().auth().oauth2(admin()).contentType(ContentType.JSON).body(rules).put("/earning-rules").then().statusCode(200);
        }
        given().auth().oauth2(marketing()).get("/earning-rules").then().statusCode(200)
                .body("pointsPerCurrencyUnit", equalTo(original.getMap("pointsPerCurrencyUnit")));
    }

    @Test
    void eventIntakeSeesAChangeOfTheProgrammeAtOnceAndReusesItOtherwise() {
        org.openretention.loyalty.program.Programme before = programmes.current();
        assertThat(programmes.current()).as("nothing changed: the programme in memory is reused").isSameAs(before);
        JsonPath original = given().auth().oauth2(marketing()).get("/earning-rules").then().statusCode(200).extract().jsonPath();
        Map<String, Object> rules = new HashMap<>(original.getMap(""));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> rates = new HashMap<>((Map<String, Object>) rules.get("pointsPerCurrencyUnit"));
            rates.put("XTS", 4.25);
            rules.put("pointsPerCurrencyUnit", rates);
            given().auth().oauth2(admin()).contentType(ContentType.JSON).body(rules).put("/earning-rules").then().statusCode(200);

            org.openretention.loyalty.program.Programme after = programmes.current();
            assertThat(after).isNotSameAs(before);
            assertThat(after.rules().pointsPerCurrencyUnit().get("XTS")).isEqualByComparingTo("4.25");
        } finally {
            rules.put("pointsPerCurrencyUnit", original.getMap("pointsPerCurrencyUnit"));
            given().auth().oauth2(admin()).contentType(ContentType.JSON).body(rules).put("/earning-rules").then().statusCode(200);
        }
        assertThat(programmes.current().rules().pointsPerCurrencyUnit()).doesNotContainKey("XTS");
    }

    @Test
    void inAnIntakeBatchTheProgrammeInMemoryIsCheckedWithTheNextReadAndAChangeMakesTheBatchRetry() throws Exception {
        org.openretention.loyalty.program.Programme known = programmes.current();
        // unchanged: the batch gets the programme in memory, and the check passes with the batch's next read
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            pipeline.open();
            assertThat(programmes.current()).isSameAs(known);
            pipeline.flush();
        });
        // changed by someone else after the batch took the programme: the batch's next read fails, to be retried
        assertThatThrownBy(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            pipeline.open();
            assertThat(programmes.current()).isSameAs(known);
            // committed in a transaction of its own, as another instance's change would be
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(this::bumpProgrammeVersion);
            pipeline.flush();
        })).hasStackTraceContaining("the loyalty programme changed");
        // and the retry reads it anew
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            pipeline.open();
            assertThat(programmes.current()).isNotSameAs(known);
        });
    }

    private void bumpProgrammeVersion() {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE programme_version SET version = version + 1 WHERE id = 1");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void invalidEarningRulesAre400NamingEachFieldAndChangeNothing() {
        String before = given().auth().oauth2(admin()).get("/earning-rules").then().statusCode(200).extract().asString();
        Map<String, Object> bad = new HashMap<>();
        bad.put("pointsPerCurrencyUnit", Map.of("CNY", 0));
        bad.put("checkInPoints", -5);
        bad.put("checkInDailyCap", -1);
        bad.put("reviewPoints", 20);
        bad.put("reviewDailyCap", 5);
        bad.put("sharePoints", 10);
        bad.put("shareDailyCap", 3);
        bad.put("welcomeBonusPoints", 100);
        bad.put("referrerPoints", 500);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(bad).put("/earning-rules")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("pointsPerCurrencyUnit", "checkInPoints", "checkInDailyCap", "refereePoints"));
        bad.put("pointsPerCurrencyUnit", Map.of("yuan", 1));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(bad).put("/earning-rules")
                .then().statusCode(400).body("errors.field", hasItem("pointsPerCurrencyUnit"));
        bad.put("pointsPerCurrencyUnit", Map.of());
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(bad).put("/earning-rules")
                .then().statusCode(400).body("errors.field", hasItem("pointsPerCurrencyUnit"));
        assertThat(given().auth().oauth2(admin()).get("/earning-rules").then().statusCode(200).extract().asString()).isEqualTo(before);
        given().auth().oauth2(marketing()).contentType(ContentType.JSON).body(bad).put("/earning-rules").then().statusCode(403);
    }

    // ---------------------------------------------------------------- promotions

    private static Map<String, Object> promotion(String kind) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "Double points week");
        p.put("kind", kind);
        p.put("multiplier", 2);
        p.put("bonusPoints", 50);
        p.put("validFrom", "2099-03-01T00:00:00Z");
        p.put("validTo", "2099-03-08T00:00:00Z");
        p.put("categories", List.of("BOOKS", "TOYS"));
        p.put("tiers", List.of("GOLD"));
        p.put("triggers", List.of("ORDER", "REVIEW"));
        return p;
    }

    @Test
    void anAdministratorCreatesReadsUpdatesAndEndsAPromotion() {
        String location = given().auth().oauth2(admin()).contentType(ContentType.JSON).body(promotion("MULTIPLIER")).post("/promotions")
                .then().statusCode(201)
                .body("name", equalTo("Double points week"))
                .body("kind", equalTo("MULTIPLIER"))
                .body("multiplier", equalTo(2.0f))
                .body("bonusPoints", equalTo(0))
                .body("validFrom", equalTo("2099-03-01T00:00:00Z"))
                .body("validTo", equalTo("2099-03-08T00:00:00Z"))
                .body("categories", containsInAnyOrder("BOOKS", "TOYS"))
                .body("tiers", containsInAnyOrder("GOLD"))
                .body("triggers", containsInAnyOrder("ORDER", "REVIEW"))
                .body("active", equalTo(true))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(marketing()).get("/promotions/" + id).then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(marketing()).get("/promotions").then().statusCode(200).body("id", hasItem(id));

        Map<String, Object> bonus = promotion("BONUS");
        bonus.put("name", "Review bonus");
        bonus.put("categories", List.of());
        bonus.put("triggers", List.of("REVIEW"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(bonus).put("/promotions/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Review bonus")).body("kind", equalTo("BONUS")).body("bonusPoints", equalTo(50))
                .body("categories", equalTo(List.of())).body("triggers", equalTo(List.of("REVIEW")));

        given().auth().oauth2(admin()).delete("/promotions/" + id).then().statusCode(204);
        given().auth().oauth2(marketing()).get("/promotions/" + id).then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(marketing()).queryParam("activeOnly", true).get("/promotions").then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void invalidPromotionsAre400NamingTheField() {
        Map<String, Object> noMultiplier = promotion("MULTIPLIER");
        noMultiplier.remove("multiplier");
        post(noMultiplier).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("multiplier"));

        Map<String, Object> noBonus = promotion("BONUS");
        noBonus.put("bonusPoints", 0);
        post(noBonus).statusCode(400).body("errors.field", hasItem("bonusPoints"));

        Map<String, Object> backwards = promotion("MULTIPLIER");
        backwards.put("validTo", "2099-02-01T00:00:00Z");
        post(backwards).statusCode(400).body("errors.field", hasItem("validTo"));

        Map<String, Object> unknownTier = promotion("MULTIPLIER");
        unknownTier.put("tiers", List.of("GOLD", "PLATINUM"));
        post(unknownTier).statusCode(400).body("errors.field", hasItem("tiers")).body("detail", containsString("PLATINUM"));

        Map<String, Object> unknownTrigger = promotion("MULTIPLIER");
        unknownTrigger.put("triggers", List.of("ORDER", "LIKE"));
        post(unknownTrigger).statusCode(400).body("errors.field", hasItem("triggers[1]"));

        Map<String, Object> missing = promotion("MULTIPLIER");
        missing.remove("name");
        missing.remove("validFrom");
        missing.put("multiplier", -1);
        post(missing).statusCode(400).body("errors.field", hasItems("name", "validFrom", "multiplier"));
    }

    @Test
    void anUnknownKindOrTriggerAndAMalformedInstantAreNamedTogetherWithEveryOtherBadField() {
        Map<String, Object> bad = promotion("DOUBLE");
        bad.put("name", " ");
        bad.put("validFrom", "next monday");
        bad.put("triggers", List.of("ORDER", "LIKE"));
        bad.put("tiers", List.of("PLATINUM"));
        post(bad).statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("kind", "name", "tiers", "triggers[1]", "validFrom"));
    }

    @Test
    void marketingCannotChangePromotionsAndUnknownOnesAre404() {
        given().auth().oauth2(marketing()).contentType(ContentType.JSON).body(promotion("MULTIPLIER")).post("/promotions")
                .then().statusCode(403).contentType(PROBLEM);
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(marketing()).get("/promotions/" + unknown).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin()).delete("/promotions/" + unknown).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(promotion("MULTIPLIER")).put("/promotions/" + unknown)
                .then().statusCode(404).contentType(PROBLEM);
    }

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> promotion) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(promotion).post("/promotions").then();
    }
}
