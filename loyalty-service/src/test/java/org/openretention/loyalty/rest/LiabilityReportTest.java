package org.openretention.loyalty.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openretention.events.Topics;
import org.openretention.loyalty.config.LoyaltyConfig;
import org.openretention.platform.rest.Roles;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * The liability report over a known set of members. Other tests' members are in the same database, so the test
 * asserts on how much its own members change the report.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class LiabilityReportTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    LoyaltyConfig config;

    private static JsonPath report() {
        String body = given().auth().oauth2(TestTokens.withRoles(Roles.MARKETING)).get("/reports/liability")
                .then().statusCode(200).extract().asString();
        // money as BigDecimal: floats would blur the differences of large totals
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @Test
    void theReportCountsAvailablePendingDebtAndExpiringPointsByTier() {
        TestMembers members = new TestMembers(dataSource);
        JsonPath before = report();

        // X: 600 points earned at the start of the month a year ago (expiring at the start of next month), and an
        // order an hour ago whose 200 points are still in their return window
        String x = TestEvents.newCustomerId();
        ZonedDateTime monthStart = ZonedDateTime.now(config.timezone()).with(TemporalAdjusters.firstDayOfMonth()).toLocalDate()
                .atStartOfDay(config.timezone());
        Instant yearAgo = monthStart.minusMonths(12).toInstant();
        Instant expiresAt = monthStart.plusMonths(1).toInstant();
        members.publish(Topics.CUSTOMERS, x, yearAgo, TestMembers.registration(yearAgo, null, null));
        members.publish(Topics.ORDERS, TestEvents.orderCompleted(x, "o-" + x, "500.00", yearAgo));
        members.publish(Topics.ORDERS, TestEvents.orderCompleted(x, "o2-" + x, "200.00", Instant.now().minus(Duration.ofHours(1))));
        members.awaitMember(x, 800);

        // Y: 400 points available, then a debit of 450 that leaves a debt of 50
        String y = members.withAvailablePoints("300.00");
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("points", -450, "reason", "fraud")).post("/customers/" + y + "/adjustments")
                .then().statusCode(201).body("availablePointsAfter", equalTo(-50));

        JsonPath after = report();
        Instant asOf = Instant.parse(after.getString("asOf"));
        long expiring30 = expiresAt.isAfter(asOf) && !expiresAt.isAfter(asOf.plus(Duration.ofDays(30))) ? 600 : 0;

        assertThat(after.getString("currency")).isEqualTo(config.currency());
        assertThat(new BigDecimal(after.getString("pointValue"))).isEqualByComparingTo(config.pointValue());
        assertThat(after.getLong("members") - before.getLong("members")).isEqualTo(2);
        assertDelta(before, after, "", "available", 550);
        assertDelta(before, after, "", "pending", 200);
        assertDelta(before, after, "", "debt", 50);
        assertDelta(before, after, "", "outstanding", 750);
        assertDelta(before, after, "", "expiringWithin30Days", expiring30);
        assertDelta(before, after, "", "expiringWithin90Days", 600);

        String member = "byTier.find { it.tier == 'MEMBER' }.";
        assertThat(after.getLong(member + "members") - before.getLong(member + "members")).isEqualTo(2);
        assertDelta(before, after, member, "outstanding", 750);
        assertDelta(before, after, member, "available", 550);
        assertDelta(before, after, member, "pending", 200);
        assertDelta(before, after, member, "debt", 50);
        assertDelta(before, after, member, "expiringWithin90Days", 600);

        // the totals are the sums over the tiers
        assertThat(after.getList("byTier.tier", String.class)).contains("MEMBER", "SILVER", "GOLD", "DIAMOND");
        long tierOutstanding = after.getList("byTier.outstanding.points", Number.class).stream().mapToLong(Number::longValue).sum();
        assertThat(tierOutstanding).isEqualTo(after.getLong("outstanding.points"));
        assertThat(after.getLong("outstanding.points")).isEqualTo(after.getLong("available.points") + after.getLong("pending.points"));
    }

    /** The change of {@code prefix + name} between the reports: {@code points} points worth points × pointValue. */
    private void assertDelta(JsonPath before, JsonPath after, String prefix, String name, long points) {
        long deltaPoints = after.getLong(prefix + name + ".points") - before.getLong(prefix + name + ".points");
        assertThat(deltaPoints).as(prefix + name + " points").isEqualTo(points);
        BigDecimal deltaValue = new BigDecimal(after.getString(prefix + name + ".value")).subtract(new BigDecimal(before.getString(prefix + name + ".value")));
        assertThat(deltaValue).as(prefix + name + " value").isEqualByComparingTo(config.pointValue().multiply(BigDecimal.valueOf(points)));
    }

    @Test
    void onlyAdministratorsAndMarketingSeeTheLiability() {
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN)).get("/reports/liability").then().statusCode(200)
                .body("byTier.tier", hasItems("MEMBER"));
        given().auth().oauth2(TestTokens.withRoles(Roles.SUPPORT)).get("/reports/liability").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles(Roles.OPS)).get("/reports/liability").then().statusCode(403);
    }
}
