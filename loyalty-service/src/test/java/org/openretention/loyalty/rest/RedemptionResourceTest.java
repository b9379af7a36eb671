package org.openretention.loyalty.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.InvalidEventException;
import org.openretention.events.Topics;
import org.openretention.events.loyalty.PointsRedeemed;
import org.openretention.events.loyalty.RewardRedeemed;
import org.openretention.events.loyalty.RewardType;
import org.openretention.platform.rest.Roles;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class RedemptionResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String COUPON_CODE = "^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$";

    @Inject
    AgroalDataSource dataSource;

    private TestMembers members;

    @BeforeEach
    void members() {
        members = new TestMembers(dataSource);
    }

    private static String reward(String name, long pointsCost, String type, Integer stock, String minTier) {
        Map<String, Object> reward = new HashMap<>(Map.of("name", name, "pointsCost", pointsCost, "type", type));
        if (stock != null) {
            reward.put("stock", stock);
        }
        if (minTier != null) {
            reward.put("minTier", minTier);
        }
        return RewardResourceTest.create(reward);
    }

    private static Response redeem(String customer, String key, String rewardId) {
        return given().auth().oauth2(TestTokens.withRoles(Roles.SUPPORT)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("rewardId", rewardId))
                .post("/customers/" + customer + "/redemptions");
    }

    private static Integer stockOf(String rewardId) {
        return given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN)).get("/rewards/" + rewardId).then().statusCode(200).extract().path("stock");
    }

    @Test
    void aMemberRedeemsACouponAndItsPointsAreSpent() {
        String customer = members.withAvailablePoints("500.00"); // 500 + 100 welcome bonus
        String rewardId = reward("15% coupon", 250, "COUPON", 5, null);

        Response first = redeem(customer, "key-1-" + UUID.randomUUID(), rewardId);
        first.then().statusCode(201)
                .body("redemptionId", notNullValue())
                .body("rewardId", equalTo(rewardId))
                .body("points", equalTo(250))
                .body("couponCode", matchesPattern(COUPON_CODE))
                .body("availablePointsAfter", equalTo(350))
                .body("redeemedAt", notNullValue());
        assertThat(members.openPoints(customer)).isEqualTo(350);
        assertThat(stockOf(rewardId)).isEqualTo(4);

        Response second = redeem(customer, "key-2-" + UUID.randomUUID(), rewardId);
        second.then().statusCode(201)
                .body("couponCode", matchesPattern(COUPON_CODE))
                .body("availablePointsAfter", equalTo(100));
        assertThat(second.<String>path("couponCode")).isNotEqualTo(first.<String>path("couponCode"));
        assertThat(second.<String>path("redemptionId")).isNotEqualTo(first.<String>path("redemptionId"));
        assertThat(members.openPoints(customer)).isEqualTo(100);
        assertThat(stockOf(rewardId)).isEqualTo(3);
        assertThat(members.query("SELECT count(*) FROM ledger_entry WHERE customer_id = ? AND type = 'REDEEM' AND points = -250", customer))
                .isEqualTo(2);
    }

    @Test
    void aGiftHasNoCouponCode() {
        String customer = members.withAvailablePoints("100.00");
        String rewardId = reward("Tote bag", 150, "GIFT", null, null);
        redeem(customer, UUID.randomUUID().toString(), rewardId)
                .then().statusCode(201).body("couponCode", nullValue()).body("availablePointsAfter", equalTo(50));
    }

    @Test
    void theRedemptionIsPublishedAsPointsRedeemedAndRewardRedeemed() {
        String customer = members.withAvailablePoints("300.00");
        String rewardId = reward("Coffee coupon", 120, "COUPON", null, null);
        Response response = redeem(customer, UUID.randomUUID().toString(), rewardId);
        response.then().statusCode(201);
        UUID redemptionId = UUID.fromString(response.path("redemptionId"));
        String couponCode = response.path("couponCode");

        EventCodec codec = new EventCodec();
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(Topics.LOYALTY_EVENTS, Duration.ofSeconds(60),
                    read -> find(codec, read, customer, PointsRedeemed.class, redemptionId).isPresent()
                            && find(codec, read, customer, RewardRedeemed.class, redemptionId).isPresent());
            EventEnvelope<?> points = find(codec, records, customer, PointsRedeemed.class, redemptionId).orElseThrow();
            EventEnvelope<?> reward = find(codec, records, customer, RewardRedeemed.class, redemptionId).orElseThrow();
            assertThat(points.payload()).isEqualTo(new PointsRedeemed(redemptionId, 120, rewardId, 280));
            assertThat(reward.payload()).isEqualTo(new RewardRedeemed(redemptionId, rewardId, "Coffee coupon", RewardType.COUPON, 120, couponCode));
            assertThat(points.source()).isEqualTo("loyalty-service");
        }
    }

    private static Optional<EventEnvelope<?>> find(EventCodec codec, List<ConsumerRecord<String, byte[]>> records, String customer,
                                                   Class<?> type, UUID redemptionId) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!customer.equals(record.key())) {
                continue;
            }
            try {
                EventEnvelope<?> event = codec.decode(record.value());
                boolean same = event.payload() instanceof PointsRedeemed p ? p.redemptionId().equals(redemptionId)
                        : event.payload() instanceof RewardRedeemed r && r.redemptionId().equals(redemptionId);
                if (type.isInstance(event.payload()) && same) {
                    return Optional.of(event);
                }
            } catch (InvalidEventException e) {
                throw new AssertionError("the service published an invalid event: " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    @Test
    void aReplayWithTheSameKeyReturnsTheSameRedemptionAndSpendsOnce() {
        String customer = members.withAvailablePoints("500.00");
        String rewardId = reward("Cinema coupon", 200, "COUPON", 10, null);
        String key = "replay-" + UUID.randomUUID();

        Response first = redeem(customer, key, rewardId);
        first.then().statusCode(201);
        Response again = redeem(customer, key, rewardId);
        again.then().statusCode(200)
                .body("redemptionId", equalTo(first.path("redemptionId")))
                .body("couponCode", equalTo(first.path("couponCode")))
                .body("points", equalTo(200))
                .body("availablePointsAfter", equalTo(400))
                .body("redeemedAt", equalTo(first.path("redeemedAt")));
        assertThat(members.openPoints(customer)).isEqualTo(400);
        assertThat(stockOf(rewardId)).isEqualTo(9);
        assertThat(members.query("SELECT count(*) FROM redemption WHERE customer_id = ?", customer)).isEqualTo(1);

        // the same key for another reward is a mistake of the caller, not a replay
        String otherReward = reward("Other coupon", 10, "COUPON", null, null);
        redeem(customer, key, otherReward)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://openretention.org/problems/conflict"))
                .body("detail", containsString("Idempotency-Key"));
        assertThat(members.openPoints(customer)).isEqualTo(400);
    }

    @Test
    void concurrentCallsWithTheSameKeyMakeOneRedemption() throws Exception {
        String customer = members.withAvailablePoints("500.00");
        String rewardId = reward("Parallel coupon", 100, "COUPON", 50, null);
        String key = "parallel-" + UUID.randomUUID();
        List<Response> responses = inParallel(8, () -> redeem(customer, key, rewardId));

        assertThat(responses).extracting(Response::statusCode).containsOnly(200, 201);
        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(responses).extracting(r -> r.<String>path("redemptionId")).containsOnly(responses.get(0).<String>path("redemptionId"));
        assertThat(members.openPoints(customer)).isEqualTo(500);
        assertThat(stockOf(rewardId)).isEqualTo(49);
    }

    @Test
    void notEnoughPointsIs409WithAvailableAndNeeded() {
        String customer = members.withAvailablePoints("500.00");
        String rewardId = reward("Headphones", 1000, "GIFT", 3, null);
        redeem(customer, UUID.randomUUID().toString(), rewardId)
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("needed 1000"))
                .body("detail", containsString("available 600"));
        assertThat(members.openPoints(customer)).isEqualTo(600);
        assertThat(stockOf(rewardId)).isEqualTo(3);
        assertThat(members.query("SELECT count(*) FROM redemption WHERE customer_id = ?", customer)).isZero();
    }

    @Test
    void outOfStockIs409AndTheStockNeverGoesNegative() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            customers.add(members.registered());
        }
        String rewardId = reward("Limited poster", 0, "GIFT", 2, null);
        List<Callable<Response>> calls = new ArrayList<>();
        for (String customer : customers) {
            calls.add(() -> redeem(customer, UUID.randomUUID().toString(), rewardId));
        }
        List<Response> responses = inParallel(calls);

        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(2);
        List<Response> refused = responses.stream().filter(r -> r.statusCode() != 201).toList();
        assertThat(refused).hasSize(3).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.<String>path("detail")).contains("out of stock");
        });
        assertThat(stockOf(rewardId)).isZero();
        assertThat(members.query("SELECT count(*) FROM redemption WHERE reward_id = ?", UUID.fromString(rewardId))).isEqualTo(2);

        redeem(customers.get(0), UUID.randomUUID().toString(), rewardId).then().statusCode(409).body("detail", containsString("out of stock"));
        assertThat(stockOf(rewardId)).isZero();
    }

    @Test
    void aRewardAboveTheMembersTierIs409NamingTheTierNeeded() {
        String customer = members.registered();
        String rewardId = reward("Lounge access", 0, "SERVICE", null, "GOLD");
        redeem(customer, UUID.randomUUID().toString(), rewardId)
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("needs tier GOLD"))
                .body("detail", containsString("MEMBER"));
        String forEveryone = reward("Sticker", 0, "GIFT", null, "MEMBER");
        redeem(customer, UUID.randomUUID().toString(), forEveryone).then().statusCode(201);
    }

    @Test
    void aMissingOrOverlongIdempotencyKeyIs400NamingIt() {
        String rewardId = reward("Key test", 0, "GIFT", null, null);
        given().auth().oauth2(TestTokens.withRoles(Roles.SUPPORT)).contentType(ContentType.JSON)
                .body(Map.of("rewardId", rewardId))
                .post("/customers/" + TestEvents.newCustomerId() + "/redemptions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("Idempotency-Key"));
        redeem(TestEvents.newCustomerId(), "k".repeat(201), rewardId)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void aMissingOrMalformedRewardIdIs400NamingIt() {
        given().auth().oauth2(TestTokens.withRoles(Roles.SUPPORT)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "k").body(Map.of())
                .post("/customers/" + TestEvents.newCustomerId() + "/redemptions")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("rewardId"));
        given().auth().oauth2(TestTokens.withRoles(Roles.SUPPORT)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "k").body(Map.of("rewardId", "not-a-uuid"))
                .post("/customers/" + TestEvents.newCustomerId() + "/redemptions")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("rewardId"));
    }

    @Test
    void aMissingKeyAndAMalformedRewardIdAreNamedInOne400() {
        given().auth().oauth2(TestTokens.withRoles(Roles.SUPPORT)).contentType(ContentType.JSON)
                .body(Map.of("rewardId", "not-a-uuid"))
                .post("/customers/" + TestEvents.newCustomerId() + "/redemptions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("Idempotency-Key", "rewardId"));
    }

    @Test
    void unknownMembersAndRewardsAre404AndUnredeemableRewards409() {
        String rewardId = reward("Anything", 0, "GIFT", null, null);
        redeem(TestEvents.newCustomerId(), "k", rewardId)
                .then().statusCode(404).contentType(PROBLEM).body("detail", containsString("no loyalty member"));

        String customer = members.registered();
        redeem(customer, UUID.randomUUID().toString(), UUID.randomUUID().toString())
                .then().statusCode(404).contentType(PROBLEM).body("detail", containsString("no reward"));

        String deleted = reward("Gone", 0, "GIFT", null, null);
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN)).delete("/rewards/" + deleted).then().statusCode(204);
        redeem(customer, UUID.randomUUID().toString(), deleted)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("no longer in the catalogue"));

        String notYet = RewardResourceTest.create(Map.of("name", "Next year", "pointsCost", 0, "type", "GIFT",
                "validFrom", Instant.now().plus(Duration.ofDays(365)).toString()));
        redeem(customer, UUID.randomUUID().toString(), notYet)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("can be redeemed only from"));
        String over = RewardResourceTest.create(Map.of("name", "Last year", "pointsCost", 0, "type", "GIFT",
                "validFrom", Instant.now().minus(Duration.ofDays(400)).toString(), "validTo", Instant.now().minus(Duration.ofDays(35)).toString()));
        redeem(customer, UUID.randomUUID().toString(), over)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("until"));
        assertThat(members.query("SELECT count(*) FROM redemption WHERE customer_id = ?", customer)).isZero();
    }

    @Test
    void onlySupportRedeems() {
        String rewardId = reward("Role test", 0, "GIFT", null, null);
        for (String role : List.of(Roles.MARKETING, Roles.ADMIN, Roles.OPS)) {
            given().auth().oauth2(TestTokens.withRoles(role)).contentType(ContentType.JSON)
                    .header("Idempotency-Key", "k").body(Map.of("rewardId", rewardId))
                    .post("/customers/" + TestEvents.newCustomerId() + "/redemptions")
                    .then().statusCode(403).contentType(PROBLEM);
        }
    }

    private static List<Response> inParallel(int times, Callable<Response> call) throws Exception {
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(call);
        }
        return inParallel(calls);
    }

    private static List<Response> inParallel(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
