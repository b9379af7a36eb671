package org.openretention.loyalty.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.loyalty.config.LoyaltyConfig;
import org.openretention.platform.rest.Roles;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * The spend leaderboard of a quarter no other test puts orders in (2021-Q2), for customers of this test only. The
 * board is global, so the test checks its customers' relative order and figures, not the whole board.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class SpendLeaderboardTest {

    private static final String PERIOD = "2021-Q2";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    LoyaltyConfig config;

    /** An instant of the programme's calendar (its time zone), as quarters are. */
    private Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(config.timezone()).toInstant();
    }

    @Test
    void theBiggestSpendersOfTheQuarterComeFirstWithRefundsDeducted() {
        TestMembers members = new TestMembers(dataSource);
        String a = TestEvents.newCustomerId();
        String b = TestEvents.newCustomerId();
        String c = TestEvents.newCustomerId();

        // A: 300 + 400 inside the quarter (the last second of it), orders just before and just after it do not count
        members.publish(Topics.ORDERS, TestEvents.orderCompleted(a, "a-q1-" + a, "80.00", at("2021-03-31T23:59:59")));
        members.publish(Topics.ORDERS, TestEvents.orderCompleted(a, "a-1-" + a, "300.00", at("2021-04-10T10:00:00")));
        members.publish(Topics.ORDERS, TestEvents.orderCompleted(a, "a-2-" + a, "400.00", at("2021-06-30T23:59:59")));
        members.publish(Topics.ORDERS, TestEvents.orderCompleted(a, "a-q3-" + a, "90.00", at("2021-07-01T00:00:00")));
        // B: 1000 with a quarter of it refunded: 750
        members.publish(Topics.ORDERS, TestEvents.orderCompleted(b, "b-1-" + b, "1000.00", at("2021-04-01T00:00:00")));
        members.publish(Topics.ORDERS, EventEnvelope.of(b, at("2021-05-20T12:00:00"), "test",
                new OrderRefunded("b-1-" + b, "r-" + b, new BigDecimal("250.00"), "CNY", false, "damaged")));
        // C: 500, and an order that was cancelled
        members.publish(Topics.ORDERS, TestEvents.orderCompleted(c, "c-1-" + c, "500.00", at("2021-05-15T09:00:00")));
        members.publish(Topics.ORDERS, TestEvents.orderCompleted(c, "c-2-" + c, "200.00", at("2021-05-16T09:00:00")));
        members.publish(Topics.ORDERS, EventEnvelope.of(c, at("2021-05-16T10:00:00"), "test", new OrderCancelled("c-2-" + c, "changed mind")));

        String marketing = TestTokens.withRoles(Roles.MARKETING);
        await().atMost(TestMembers.INTAKE).untilAsserted(() -> {
            List<Map<String, Object>> entries = given().auth().oauth2(marketing).queryParam("period", PERIOD).queryParam("limit", 100)
                    .get("/leaderboards/spend").then().statusCode(200).extract().path("entries");
            List<Map<String, Object>> ours = entries.stream().filter(e -> List.of(a, b, c).contains(e.get("customerId"))).toList();
            assertThat(ours).extracting(e -> e.get("customerId")).containsExactly(b, a, c);
            assertThat(ours).extracting(e -> new BigDecimal(String.valueOf(e.get("spend"))))
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("750.00"), new BigDecimal("700.00"), new BigDecimal("500.00"));
            assertThat(ours).extracting(e -> ((Number) e.get("orders")).longValue()).containsExactly(1L, 2L, 1L);
            assertThat(ours).extracting(e -> e.get("tier")).containsOnly("MEMBER");
            assertThat(ours).extracting(e -> e.get("currency")).containsOnly(config.currency());
            List<Integer> ranks = ours.stream().map(e -> (Integer) e.get("rank")).toList();
            assertThat(ranks).isSorted().doesNotHaveDuplicates();
        });

        given().auth().oauth2(marketing).queryParam("period", PERIOD).get("/leaderboards/spend")
                .then().statusCode(200)
                .body("period", equalTo(PERIOD))
                .body("from", equalTo(at("2021-04-01T00:00:00").toString()))
                .body("to", equalTo(at("2021-07-01T00:00:00").toString()))
                .body("entries", hasSize(lessThanOrEqualTo(10)))
                .body("entries.customerId", hasItem(b));
        given().auth().oauth2(marketing).queryParam("period", PERIOD).queryParam("limit", 1).get("/leaderboards/spend")
                .then().statusCode(200).body("entries", hasSize(1)).body("entries[0].rank", equalTo(1));
    }

    @Test
    void aPeriodThatIsNotAQuarterIs400NamingIt() {
        String marketing = TestTokens.withRoles(Roles.MARKETING);
        for (String period : List.of("2021Q2", "2021-Q5", "2021-Q0", "21-Q1", "2021-q2", "2021-Q2x")) {
            given().auth().oauth2(marketing).queryParam("period", period).get("/leaderboards/spend")
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("period"));
        }
        given().auth().oauth2(marketing).get("/leaderboards/spend")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("period"));
    }

    @Test
    void aLimitOutside1To100Is400NamingIt() {
        String marketing = TestTokens.withRoles(Roles.MARKETING);
        for (int limit : List.of(0, 101, -3)) {
            given().auth().oauth2(marketing).queryParam("period", PERIOD).queryParam("limit", limit).get("/leaderboards/spend")
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("limit"));
        }
    }

    @Test
    void onlyMarketingSeesTheLeaderboard() {
        for (String role : List.of(Roles.SUPPORT, Roles.ADMIN, Roles.OPS)) {
            given().auth().oauth2(TestTokens.withRoles(role)).queryParam("period", PERIOD).get("/leaderboards/spend")
                    .then().statusCode(403).contentType(PROBLEM);
        }
    }
}
