package org.openretention.segmentation.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openretention.events.feedback.DetractorIdentified;
import org.openretention.events.feedback.NpsCategory;
import org.openretention.events.feedback.NpsRecorded;
import org.openretention.segmentation.store.CustomerFeedbackEntity;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.segments.TagsChanged;
import org.openretention.events.segments.ChurnRiskFlagged;
import org.openretention.events.segments.LifecycleStageChanged;
import org.openretention.events.segments.RepurchaseDue;
import org.openretention.segmentation.lifecycle.LifecycleStage;
import org.openretention.segmentation.lifecycle.PopulationFacts;
import org.openretention.segmentation.lifecycle.StageDecision;
import org.openretention.segmentation.lifecycle.StageRules;
import org.openretention.segmentation.profile.CustomerProfile;
import org.openretention.segmentation.profile.ProfileFacts;
import org.openretention.segmentation.rfm.RfmScorer;
import org.openretention.segmentation.rfm.RfmScores;
import org.openretention.segmentation.store.CustomerProfileEntity;
import org.openretention.segmentation.store.ProfileRepository;
import org.openretention.segmentation.store.ProfileSeeds;
import org.openretention.segmentation.store.ProfileSeeds.Order;
import org.openretention.segmentation.store.PurchaseHistory;
import org.openretention.segmentation.model.Simulation;
import org.openretention.segmentation.model.Summaries;
import org.openretention.segmentation.tags.TagRules;
import org.openretention.segmentation.tags.TagThresholds;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

/**
 * The set-based evaluation against real PostgreSQL and Kafka: customers seeded into every stage, evaluated over the
 * API, and the stored stages, RFM scores and segments and tags compared with the Java rules on the same data.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class EvaluationTest {

    /** Far after any other test's events, so the seeded customers alone have recent orders. */
    private static final Instant AS_OF = Instant.parse("2031-03-10T12:00:00Z");
    private static KafkaTestClient kafka;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ProfileRepository profiles;
    @Inject
    StageRules stageRules;
    @Inject
    EventCodec codec;
    @Inject
    ChurnScores churnScores;
    @Inject
    PurchaseHistory purchases;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forApplication();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    private static Instant daysAgo(int days) {
        return AS_OF.minus(Duration.ofDays(days)).plusSeconds(3600);
    }

    private static Order order(String id, int daysAgo, String amount, boolean discounted, String items) {
        return new Order(id, daysAgo(daysAgo), new BigDecimal(amount), discounted, items);
    }

    private static ExtractableResponse<Response> evaluate(Instant asOf) {
        return given().auth().oauth2(TestTokens.withRoles("ops")).queryParam("asOf", asOf.toString())
                .post("/evaluations").then().statusCode(200).extract();
    }

    @Test
    void everyCustomerIsEvaluatedAsTheJavaRulesSayAndOnlyChangesArePublished() throws Exception {
        Map<String, LifecycleStage> seeded = new LinkedHashMap<>();
        String dormant = TestEvents.newCustomerId();
        String atRisk = TestEvents.newCustomerId();
        String hnw = TestEvents.newCustomerId();
        String newRegistered = TestEvents.newCustomerId();
        String newBuyer = TestEvents.newCustomerId();
        String active = TestEvents.newCustomerId();
        String prospect = TestEvents.newCustomerId();
        String regular = TestEvents.newCustomerId();
        try (Connection c = dataSource.getConnection()) {
            new ProfileSeeds(c)
                    .customer(dormant, daysAgo(400), 0, List.of(order("d1", 200, "80", false, "{\"TOYS\": 1}")))
                    .customer(atRisk, daysAgo(400), 0, List.of(order("a1", 300, "50", false, "{}"), order("a2", 160, "70", true, "{}")))
                    .customer(hnw, daysAgo(300), 0, List.of(order("h1", 60, "1000000", false, "{\"WATCHES\": 1}")))
                    .customer(newRegistered, daysAgo(5), 0, List.of())
                    .customer(newBuyer, null, 0, List.of(order("n1", 10, "30", false, "{\"BOOKS\": 1}")))
                    .customer(active, daysAgo(300), 6, List.of(order("v1", 100, "40", true, "{\"BOOKS\": 2}"),
                            order("v2", 50, "60", true, "{\"BOOKS\": 1}"), order("v3", 20, "20", true, "{\"BOOKS\": 3, \"TOYS\": 1}"),
                            order("v4", 5, "45", false, "{\"BOOKS\": 1}")))
                    .customer(prospect, daysAgo(100), 0, List.of())
                    .customer(regular, daysAgo(300), 0, List.of(order("r1", 120, "90", false, "{}"), order("r2", 60, "95", false, "{}")))
                    .recompute(stageRules.thresholds().zone());
        }
        seeded.put(dormant, LifecycleStage.DORMANT);
        seeded.put(atRisk, LifecycleStage.AT_RISK);
        seeded.put(hnw, LifecycleStage.HIGH_NET_WORTH);
        seeded.put(newRegistered, LifecycleStage.NEW);
        seeded.put(newBuyer, LifecycleStage.NEW);
        seeded.put(active, LifecycleStage.ACTIVE_VALUE);
        seeded.put(prospect, LifecycleStage.PROSPECT);
        seeded.put(regular, LifecycleStage.REGULAR);

        ExtractableResponse<Response> first = evaluate(AS_OF);
        assertThat(first.jsonPath().getString("asOf")).isEqualTo(AS_OF.toString());
        long customers = first.jsonPath().getLong("customers");
        assertThat(customers).isEqualTo(count("SELECT count(*) FROM customer_profile"));
        assertThat(first.jsonPath().getLong("changed")).isPositive();

        // the Java rules on the same data, over the whole customer base
        Expected expected = expected(AS_OF);
        Map<String, Row> rows = rows();
        assertThat(rows.keySet()).containsAll(expected.facts().keySet());
        for (var e : expected.facts().entrySet()) {
            String id = e.getKey();
            Row row = rows.get(id);
            assertThat(row.stage()).as("stage of %s", id).isEqualTo(expected.stages().get(id).stage().name());
            RfmScores scores = expected.rfm().get(id);
            if (scores == null) {
                assertThat(row.segment()).as("RFM segment of %s, who never ordered", id).isNull();
            } else {
                assertThat(List.of(row.r(), row.f(), row.m())).as("RFM scores of %s", id)
                        .containsExactly(scores.recency(), scores.frequency(), scores.monetary());
                assertThat(row.segment()).as("RFM segment of %s", id).isEqualTo(scores.segment().name());
            }
            assertThat(row.tags()).as("tags of %s", id).containsExactlyElementsOf(expected.tags().get(id));
            String rule = expected.churnRules().get(id);
            assertThat(row.churnRule()).as("churn rule of %s", id).isEqualTo(rule);
            assertThat(row.churnFlagged()).as("churn flag of %s", id).isEqualTo(rule != null);
        }
        seeded.forEach((id, stage) -> assertThat(rows.get(id).stage()).as("seeded %s", id).isEqualTo(stage.name()));
        assertThat(rows.get(active).tags()).containsExactly("CATEGORY:BOOKS", "PRICE_SENSITIVE", "SOCIAL_ENGAGED");
        assertThat(rows.get(atRisk).churnFlagged()).isTrue();

        // nothing changed: nothing written, nothing published
        ExtractableResponse<Response> second = evaluate(AS_OF);
        assertThat(second.jsonPath().getLong("changed")).isZero();
        assertThat(second.jsonPath().getLong("customers")).isEqualTo(customers);

        // counts by stage and segment, as of the last evaluation
        ExtractableResponse<Response> counts = given().auth().oauth2(TestTokens.withRoles("marketing")).get("/segments")
                .then().statusCode(200).body("asOf", equalTo(AS_OF.toString())).extract();
        for (LifecycleStage stage : LifecycleStage.values()) {
            long javaCount = expected.stages().values().stream().filter(d -> d.stage() == stage).count();
            assertThat(counts.jsonPath().getLong("lifecycleStages." + stage.name())).as("customers %s", stage).isEqualTo(javaCount);
        }
        for (var segment : org.openretention.segmentation.rfm.RfmSegment.values()) {
            long javaCount = expected.rfm().values().stream().filter(s -> s.segment() == segment).count();
            assertThat(counts.jsonPath().getLong("rfmSegments." + segment.name())).as("customers %s", segment).isEqualTo(javaCount);
        }

        // a paged list and the whole list as CSV
        long prospects = expected.stages().values().stream().filter(d -> d.stage() == LifecycleStage.PROSPECT).count();
        List<String> prospectIds = expected.stages().entrySet().stream().filter(e -> e.getValue().stage() == LifecycleStage.PROSPECT)
                .map(Map.Entry::getKey).sorted().toList();
        ExtractableResponse<Response> page = given().auth().oauth2(TestTokens.withRoles("marketing"))
                .queryParam("page", 0).queryParam("size", 1000).get("/segments/lifecycle/PROSPECT/customers")
                .then().statusCode(200).extract();
        assertThat(page.jsonPath().getLong("total")).isEqualTo(prospects);
        assertThat(page.jsonPath().getList("customers.customerId", String.class)).containsExactlyElementsOf(
                prospectIds.stream().sorted(java.util.Comparator.naturalOrder()).limit(1000).toList());
        if (prospects > 1) {
            given().auth().oauth2(TestTokens.withRoles("marketing")).queryParam("page", 1).queryParam("size", 1)
                    .get("/segments/lifecycle/PROSPECT/customers").then().statusCode(200)
                    .body("customers.size()", equalTo(1)).body("customers[0].customerId", equalTo(page.jsonPath().getString("customers[1].customerId")));
        }
        String csv = given().auth().oauth2(TestTokens.withRoles("marketing")).accept("text/csv")
                .get("/segments/lifecycle/PROSPECT/customers").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("customer_id,lifecycle_stage,stage_since,r,f,m,rfm_segment,as_of");
        assertThat(lines).hasSize((int) prospects + 1);
        assertThat(lines).contains(prospect + ",PROSPECT," + AS_OF + ",,,,," + AS_OF);
        String hnwSegment = rows.get(hnw).segment();
        String rfmCsv = given().auth().oauth2(TestTokens.withRoles("marketing")).accept("text/csv")
                .get("/segments/rfm/{segment}/customers", hnwSegment).then().statusCode(200).extract().asString();
        assertThat(rfmCsv.lines().skip(1)).anyMatch(l -> l.startsWith(hnw + "," + hnwSegment + ","));

        // 200 days later the active customer is dormant: exactly one more stage change for them, from and to
        Instant later = AS_OF.plus(Duration.ofDays(200));
        evaluate(later);
        assertThat(rows().get(active).stage()).isEqualTo("DORMANT");
        Predicate<List<ConsumerRecord<String, byte[]>>> bothSeen = records -> stageChanges(records, active).size() >= 2;
        List<EventEnvelope<LifecycleStageChanged>> changes = stageChanges(
                kafka.readUntil(Topics.SEGMENT_EVENTS, Duration.ofSeconds(60), bothSeen), active);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).payload().from()).isNull();
        assertThat(changes.get(0).payload().to().name()).isEqualTo("ACTIVE_VALUE");
        assertThat(changes.get(0).payload().reason()).isEqualTo(expected.stages().get(active).explanation());
        assertThat(changes.get(1).payload().from().name()).isEqualTo("ACTIVE_VALUE");
        assertThat(changes.get(1).payload().to().name()).isEqualTo("DORMANT");
        assertThat(changes.get(1).payload().asOf()).isEqualTo(later);
        assertThat(changes.get(1).payload().reason()).isEqualTo("Last order 205 days ago (dormant from 180 days).");
        // and the profile shows the stored segments of the latest evaluation
        given().auth().oauth2(TestTokens.withRoles("marketing")).get("/customers/{id}/profile", active).then().statusCode(200)
                .body("segments.lifecycleStage", equalTo("DORMANT")).body("segments.stageSince", equalTo(later.toString()))
                .body("segments.asOf", equalTo(later.toString()));

        // the published reasons are the Java rules' explanations, word for word
        List<ConsumerRecord<String, byte[]>> all = kafka.readUntil(Topics.SEGMENT_EVENTS, Duration.ofSeconds(60),
                records -> seeded.keySet().stream().allMatch(id -> !stageChanges(records, id).isEmpty()));
        for (String id : seeded.keySet()) {
            assertThat(stageChanges(all, id).get(0).payload().reason()).as("reason of %s", id)
                    .isEqualTo(expected.stages().get(id).explanation());
        }
    }

    /**
     * With an active fit: a repeat buyer gone quiet for long is flagged by the model's probability (once), a one-time
     * buyer entering AT_RISK by the stage rule; RepurchaseDue comes once per cycle, from the customer's own median gap
     * or from their top category's typical gap.
     */
    @Test
    void churnFlagsFollowTheActiveFitAndRepurchaseRemindersComeOncePerCycle() throws Exception {
        // a population of its own (first purchases in early 2012, no other test writes there), fitted as a cohort and activated
        LocalDate firstDay = LocalDate.of(2012, 1, 2);
        List<Simulation.SimulatedPurchase> simulated = Simulation
                .bgNbdPurchases(new SplittableRandom(11), "eval-sim-" + TestEvents.newCustomerId() + "-", 3000, 273, 0.5, 6, 0.8, 2.5);
        Map<String, List<Order>> population = new LinkedHashMap<>();
        simulated.forEach(p -> population.computeIfAbsent(p.customerId(), k -> new ArrayList<>()).add(new Order("o-" + p.orderNo(),
                firstDay.plusDays(p.day()).atTime(12, 0).toInstant(ZoneOffset.UTC),
                BigDecimal.valueOf(Math.max(0.01, p.amount())).setScale(2, RoundingMode.HALF_EVEN), false, "{}")));
        String category = "TEA-" + TestEvents.newCustomerId();
        String items = "{\"" + category + "\": 1}";
        String lapsing = TestEvents.newCustomerId();
        String loyal = TestEvents.newCustomerId();
        String newcomer = TestEvents.newCustomerId();
        String oneTimeAtRisk = TestEvents.newCustomerId();
        String lapsingBrowser = TestEvents.newCustomerId();
        String unhappy = TestEvents.newCustomerId();
        String promoter = TestEvents.newCustomerId();
        try (Connection c = dataSource.getConnection()) {
            ProfileSeeds seeds = new ProfileSeeds(c);
            for (var e : population.entrySet()) {
                seeds.customer(e.getKey(), null, 0, e.getValue());
            }
            List<Order> lapsingOrders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                lapsingOrders.add(order("l" + i, 700 - 10 * i, "50", false, "{}"));
            }
            List<Order> loyalOrders = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                loyalOrders.add(order("y" + i, 190 - 20 * i, "60", false, "{}"));
            }
            seeds.customer(lapsing, null, 0, lapsingOrders)
                    .customer(lapsingBrowser, null, 0, lapsingOrders.stream().map(o -> new Order("b-" + o.orderId(), o.at(),
                            o.netAmount(), o.discounted(), o.itemsJson())).toList())
                    .customer(loyal, null, 0, loyalOrders)
                    .customer(newcomer, null, 0, List.of(order("n1", 5, "30", false, items)))
                    .customer(oneTimeAtRisk, null, 0, List.of(order("t1", 160, "30", false, "{}")))
                    .customer(unhappy, null, 0, List.of(order("u1", 160, "30", false, "{}")))
                    .customer(promoter, null, 0, List.of(order("p1", 160, "30", false, "{}")));
            // three customers of the category, with gaps of 30, 40 and 50 days: a typical gap of 40 days
            for (int gap : new int[] {30, 40, 50}) {
                seeds.customer(TestEvents.newCustomerId(), null, 0, List.of(order("c1", 400, "20", false, items),
                        order("c2", 400 - gap, "20", false, items)));
            }
            seeds.recompute(stageRules.thresholds().zone());
            // the same orders, and a product view a week before asOf: a sign of life after the last order
            try (PreparedStatement s = c.prepareStatement("UPDATE customer_profile SET last_product_view_at = ? WHERE customer_id = ?")) {
                s.setObject(1, OffsetDateTime.ofInstant(daysAgo(7), ZoneOffset.UTC));
                s.setString(2, lapsingBrowser);
                s.executeUpdate();
            }
        }
        // feedback-service's events, as it publishes them: a detractor answer, and a promoter answer
        kafka.createTopicIfMissing(Topics.FEEDBACK_EVENTS, 3);
        kafka.publish(Topics.FEEDBACK_EVENTS, EventEnvelope.of(unhappy, daysAgo(20), "feedback-service",
                new NpsRecorded(71, 2, NpsCategory.DETRACTOR, null, null, daysAgo(20))));
        kafka.publish(Topics.FEEDBACK_EVENTS, EventEnvelope.of(unhappy, daysAgo(20), "feedback-service",
                new DetractorIdentified(71, 2, null, null, daysAgo(20))));
        kafka.publish(Topics.FEEDBACK_EVENTS, EventEnvelope.of(promoter, daysAgo(20), "feedback-service",
                new NpsRecorded(72, 10, NpsCategory.PROMOTER, null, null, daysAgo(20))));
        await().atMost(Duration.ofSeconds(60)).until(() -> feedbackRows(List.of(unhappy, promoter)) == 2);
        given().auth().oauth2(TestTokens.withRoles("ops")).queryParam("calibrationEnd", firstDay.plusDays(273).toString())
                .queryParam("cohortStart", firstDay.toString()).queryParam("cohortEnd", firstDay.plusDays(84).toString())
                .queryParam("activate", true).post("/models/fit").then().statusCode(200).body("activated", equalTo(true));

        evaluate(AS_OF);

        Map<String, Row> rows = rows();
        assertThat(rows.get(lapsing).stage()).isEqualTo("DORMANT");
        assertThat(rows.get(lapsing).churnRule()).isEqualTo("PROBABILITY_ALIVE_BELOW_THRESHOLD");
        assertThat(rows.get(loyal).churnFlagged()).as("a regular buyer is not flagged").isFalse();
        assertThat(rows.get(oneTimeAtRisk).churnRule()).as("no repeat purchase: only the stage flags").isEqualTo("ENTERED_AT_RISK");
        // the same orders and a detractor's answer: tagged, and flagged by the feedback rule before the stage's
        Map<String, Double> unhappyAlive = probabilitiesAlive(Set.of(unhappy, promoter), AS_OF);
        assertThat(unhappyAlive.get(unhappy)).as("below the feedback threshold, not the model's").isBetween(0.3, 0.6);
        assertThat(rows.get(unhappy).tags()).contains("DETRACTOR");
        assertThat(rows.get(unhappy).churnRule()).isEqualTo("FEEDBACK");
        assertThat(rows.get(promoter).tags()).contains("PROMOTER").doesNotContain("DETRACTOR");
        assertThat(rows.get(promoter).churnRule()).as("a promoter is flagged as anyone else").isEqualTo("ENTERED_AT_RISK");
        Map<String, Double> alive = probabilitiesAlive(Set.of(lapsing, loyal, oneTimeAtRisk, lapsingBrowser), AS_OF);
        Map<String, Object[]> scores = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT customer_id, probability_alive, clv_12m, churn_model, next_purchase_on, repurchase_basis, "
                     + "repurchase_interval_days, repurchase_category FROM customer_segment WHERE customer_id IN ('"
                     + String.join("','", lapsing, loyal, newcomer, oneTimeAtRisk, lapsingBrowser) + "')")) {
            while (rs.next()) {
                scores.put(rs.getString(1), new Object[] {rs.getObject(2), rs.getBigDecimal(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7), rs.getString(8)});
            }
        }
        for (String id : List.of(lapsing, loyal, oneTimeAtRisk, lapsingBrowser)) {
            assertThat((Double) scores.get(id)[0]).as("probability alive of %s", id).isCloseTo(alive.get(id), within(1e-9));
            assertThat((BigDecimal) scores.get(id)[1]).as("CLV of %s", id).isNotNegative();
        }
        assertThat(alive.get(lapsing)).isLessThan(0.3);
        assertThat(alive.get(loyal)).isGreaterThan(0.3);
        // Pareto/NBD (the default purchase model) counts the view: alive after it, so far likelier alive now
        assertThat(alive.get(lapsingBrowser)).as("seen alive a week ago").isGreaterThan(0.3).isGreaterThan(alive.get(lapsing) + 0.2);
        assertThat(rows.get(lapsingBrowser).churnRule()).as("the model does not flag a customer seen a week ago").isNull();
        LocalDate loyalLastOrder = LocalDate.ofInstant(daysAgo(10), ZoneOffset.UTC);
        assertThat(scores.get(loyal)).as("the loyal buyer's own median gap").containsSequence(loyalLastOrder.plusDays(20), "OWN_MEDIAN_INTERVAL", 20, null);
        LocalDate newcomerOrder = LocalDate.ofInstant(daysAgo(5), ZoneOffset.UTC);
        assertThat(scores.get(newcomer)).as("the newcomer's category's typical gap")
                .containsSequence(newcomerOrder.plusDays(40), "CATEGORY_TYPICAL_INTERVAL", 40, category);

        // the loyal buyer is due 3 days before the expected date, once; the newcomer later
        Instant dueDay = loyalLastOrder.plusDays(17).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60);
        evaluate(dueDay.minusSeconds(120));
        evaluate(dueDay);
        evaluate(dueDay.plus(Duration.ofHours(30)));

        List<EventEnvelope<?>> events = segmentEvents(records -> {
            List<EventEnvelope<?>> seen = decode(records);
            return seen.stream().anyMatch(e -> e.customerId().equals(loyal) && e.payload() instanceof RepurchaseDue)
                    && seen.stream().anyMatch(e -> e.customerId().equals(unhappy) && e.payload() instanceof ChurnRiskFlagged)
                    && seen.stream().anyMatch(e -> e.customerId().equals(lapsing) && e.payload() instanceof ChurnRiskFlagged)
                    && seen.stream().anyMatch(e -> e.customerId().equals(oneTimeAtRisk) && e.payload() instanceof ChurnRiskFlagged);
        });
        List<ChurnRiskFlagged> lapsingFlags = payloads(events, lapsing, ChurnRiskFlagged.class);
        assertThat(lapsingFlags).as("flagged once, not at every evaluation").hasSize(1);
        assertThat(lapsingFlags.get(0).rule().name()).isEqualTo("PROBABILITY_ALIVE_BELOW_THRESHOLD");
        assertThat(lapsingFlags.get(0).threshold()).isEqualTo(0.3);
        assertThat(lapsingFlags.get(0).probabilityAlive()).isCloseTo(alive.get(lapsing), within(1e-9));
        assertThat(lapsingFlags.get(0).model()).isNotNull();
        assertThat(lapsingFlags.get(0).currency()).isEqualTo("CNY");
        assertThat(lapsingFlags.get(0).expectedClv12m()).isEqualByComparingTo(((BigDecimal) scores.get(lapsing)[1]).setScale(2, RoundingMode.HALF_EVEN));
        assertThat(lapsingFlags.get(0).asOf()).isEqualTo(AS_OF);
        List<ChurnRiskFlagged> atRiskFlags = payloads(events, oneTimeAtRisk, ChurnRiskFlagged.class);
        assertThat(atRiskFlags).hasSize(1);
        assertThat(atRiskFlags.get(0).rule().name()).isEqualTo("ENTERED_AT_RISK");
        assertThat(atRiskFlags.get(0).threshold()).isNull();
        assertThat(atRiskFlags.get(0).probabilityAlive()).isNotNull();
        assertThat(payloads(events, loyal, ChurnRiskFlagged.class)).isEmpty();
        List<ChurnRiskFlagged> unhappyFlags = payloads(events, unhappy, ChurnRiskFlagged.class);
        assertThat(unhappyFlags).hasSize(1);
        assertThat(unhappyFlags.get(0).rule().name()).isEqualTo("FEEDBACK");
        assertThat(unhappyFlags.get(0).threshold()).isEqualTo(0.6);
        assertThat(unhappyFlags.get(0).probabilityAlive()).isCloseTo(unhappyAlive.get(unhappy), within(1e-9));
        assertThat(payloads(events, unhappy, TagsChanged.class)).anySatisfy(t -> assertThat(t.added()).contains("DETRACTOR"));

        List<RepurchaseDue> reminders = payloads(events, loyal, RepurchaseDue.class);
        assertThat(reminders).as("one reminder per cycle").hasSize(1);
        assertThat(reminders.get(0).expectedAt()).isEqualTo(loyalLastOrder.plusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(reminders.get(0).basis().name()).isEqualTo("OWN_MEDIAN_INTERVAL");
        assertThat(reminders.get(0).intervalDays()).isEqualTo(20);
        assertThat(reminders.get(0).category()).isNull();
        assertThat(reminders.get(0).lastOrderAt()).isEqualTo(daysAgo(10));
        assertThat(payloads(events, newcomer, RepurchaseDue.class)).as("not due yet").isEmpty();
        // long past the expected date nobody is reminded any more: the lapsing buyer never was
        assertThat(payloads(events, lapsing, RepurchaseDue.class)).isEmpty();

        given().auth().oauth2(TestTokens.withRoles("marketing")).get("/customers/{id}/profile", unhappy).then().statusCode(200)
                .body("feedback.latestNps", equalTo(2)).body("feedback.openComplaints", equalTo(0))
                .body("segments.churnRule", equalTo("FEEDBACK"));
        // the profile shows the stored flag, scores and the expected next purchase
        given().auth().oauth2(TestTokens.withRoles("marketing")).get("/customers/{id}/profile", lapsing).then().statusCode(200)
                .body("segments.atRisk", equalTo(true)).body("segments.churnRule", equalTo("PROBABILITY_ALIVE_BELOW_THRESHOLD"));
        given().auth().oauth2(TestTokens.withRoles("marketing")).get("/customers/{id}/profile", newcomer).then().statusCode(200)
                .body("segments.nextPurchaseExpectedAt", equalTo(newcomerOrder.plusDays(40).atStartOfDay(ZoneOffset.UTC).toInstant().toString()));
    }

    private List<EventEnvelope<?>> segmentEvents(Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        return decode(kafka.readUntil(Topics.SEGMENT_EVENTS, Duration.ofSeconds(60), done));
    }

    private List<EventEnvelope<?>> decode(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().<EventEnvelope<?>>map(r -> {
            try {
                return codec.decode(r.value());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static <T> List<T> payloads(List<EventEnvelope<?>> events, String customer, Class<T> type) {
        return events.stream().filter(e -> e.customerId().equals(customer) && type.isInstance(e.payload()))
                .map(e -> type.cast(e.payload())).toList();
    }

    @SuppressWarnings("unchecked")
    private List<EventEnvelope<LifecycleStageChanged>> stageChanges(List<ConsumerRecord<String, byte[]>> records, String customer) {
        return records.stream().filter(r -> customer.equals(r.key())).map(r -> {
            try {
                return (EventEnvelope<?>) codec.decode(r.value());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).filter(e -> e.payload() instanceof LifecycleStageChanged).map(e -> (EventEnvelope<LifecycleStageChanged>) e)
                .sorted(java.util.Comparator.comparing(e -> e.payload().asOf())).toList();
    }

    private record Expected(Map<String, ProfileFacts> facts, Map<String, StageDecision> stages, Map<String, RfmScores> rfm,
                            Map<String, List<String>> tags, Map<String, String> churnRules) {
    }

    private Expected expected(Instant asOf) {
        Map<String, ProfileFacts> facts = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, ProfileFacts> all = new LinkedHashMap<>();
            for (CustomerProfileEntity entity : profiles.listAll()) {
                CustomerProfile profile = entity.toProfile();
                ProfileRepository.RollingFigures rolling = profiles.rollingAsOf(profile.customerId(), asOf);
                all.put(profile.customerId(), profile.factsAsOf(rolling.spend12m(), rolling.ordersLast90d())
                        .withFeedback(feedbackAsOf(profile.customerId(), asOf)));
            }
            return all;
        });
        PopulationFacts population = PopulationFacts.of(facts.values(), stageRules.thresholds().hnwSpendPercentile());
        Map<String, StageDecision> stages = new HashMap<>();
        Map<String, List<String>> tags = new HashMap<>();
        TagRules tagRules = new TagRules(TagThresholds.defaults());
        facts.forEach((id, f) -> {
            stages.put(id, stageRules.evaluate(f, population, asOf));
            tags.put(id, List.copyOf(tagRules.tags(f, population.meanAov())));
        });
        Map<String, RfmScores> rfm = new RfmScorer(stageRules.thresholds().zone()).score(facts.values(), asOf);
        // the churn flag by the fit active now (another test class may have activated one): the model's rule first
        Map<String, Double> alive = probabilitiesAlive(facts.keySet(), asOf);
        Map<String, String> churnRules = new HashMap<>();
        facts.forEach((id, f) -> {
            Double p = alive.get(id);
            boolean unhappy = f.feedback().detractor() || f.feedback().openComplaints() > 0;
            String rule = f.repeatIntervals().count() >= 1 && p != null && p < 0.3 ? "PROBABILITY_ALIVE_BELOW_THRESHOLD"
                    : unhappy && p != null && p < 0.6 ? "FEEDBACK"
                    : stages.get(id).stage() == LifecycleStage.AT_RISK ? "ENTERED_AT_RISK" : null;
            churnRules.put(id, rule);
        });
        return new Expected(facts, stages, rfm, tags, churnRules);
    }

    /** What feedback-service reported of the customer as the evaluation as of {@code asOf} reads it (a year of NPS). */
    private static ProfileFacts.Feedback feedbackAsOf(String customer, Instant asOf) {
        CustomerFeedbackEntity f = CustomerFeedbackEntity.findById(customer);
        if (f == null) {
            return ProfileFacts.Feedback.NONE;
        }
        boolean recent = f.npsAt != null && !f.npsAt.isAfter(asOf) && f.npsAt.isAfter(asOf.minus(Duration.ofDays(365)));
        return new ProfileFacts.Feedback(recent ? Integer.valueOf(f.npsScore) : null, f.openComplaints);
    }

    private long feedbackRows(List<String> customers) {
        return QuarkusTransaction.requiringNew().call(() -> CustomerFeedbackEntity.count("customerId in ?1 and npsScore is not null", customers));
    }

    /** The active fit's probability alive of each customer who bought, as of {@code asOf}'s day; empty without a fit. */
    private Map<String, Double> probabilitiesAlive(Set<String> customers, Instant asOf) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Double> alive = new HashMap<>();
            churnScores.active().ifPresent(active -> {
                ZoneId zone = stageRules.thresholds().zone();
                LocalDate day = LocalDate.ofInstant(asOf, zone);
                Summaries summaries = new Summaries(zone, day);
                for (String id : customers) {
                    summaries.summarise(id, purchases.ofCustomerBefore(id, day.plusDays(1).atStartOfDay(zone).toInstant()),
                                    purchases.lastSignOfLifeUpTo(id, asOf))
                            .ifPresent(summary -> alive.put(id, active.purchases().probabilityAlive(summary)));
                }
            });
            return alive;
        });
    }

    private record Row(String stage, Integer r, Integer f, Integer m, String segment, List<String> tags, boolean churnFlagged,
                       String churnRule) {
    }

    private Map<String, Row> rows() throws Exception {
        Map<String, Row> rows = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT customer_id, lifecycle_stage, r_score, f_score, m_score, rfm_segment, tags, "
                     + "churn_flagged, churn_rule FROM customer_segment")) {
            while (rs.next()) {
                rows.put(rs.getString(1), new Row(rs.getString(2), (Integer) rs.getObject(3, Integer.class),
                        (Integer) rs.getObject(4, Integer.class), (Integer) rs.getObject(5, Integer.class), rs.getString(6),
                        Arrays.asList((String[]) rs.getArray(7).getArray()), rs.getBoolean(8), rs.getString(9)));
            }
        }
        return rows;
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
