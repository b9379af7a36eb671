package org.openretention.feedback.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.feedback.ComplaintSeverity;
import org.openretention.events.feedback.ComplaintSource;
import org.openretention.events.feedback.DetractorIdentified;
import org.openretention.events.feedback.FeedbackAlert;
import org.openretention.events.feedback.NegativeReviewDetected;
import org.openretention.events.feedback.NpsCategory;
import org.openretention.events.feedback.NpsRecorded;
import org.openretention.events.feedback.PromoterIdentified;
import org.openretention.events.feedback.SlaBreached;
import org.openretention.events.feedback.SurveyInvitation;
import org.openretention.events.feedback.SurveyKind;
import org.openretention.events.feedback.SurveyResponseSubmitted;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.interactions.ServiceTouchpoint;
import org.openretention.events.segments.LifecycleStage;
import org.openretention.events.segments.LifecycleStageChanged;
import org.openretention.feedback.sentiment.SentimentAnalyzer;
import org.openretention.feedback.store.Complaint;
import org.openretention.feedback.store.ComplaintAudit;
import org.openretention.feedback.store.CustomerContext;
import org.openretention.feedback.store.CustomerText;
import org.openretention.feedback.support.FeedbackEvents;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The event side of feedback-service on real Kafka and PostgreSQL: reviews and comments read for sentiment, angry ones
 * opening complaints and publishing {@code NegativeReviewDetected}; alerts; answers from {@code survey-responses};
 * invitations; the customer context; and the SLA sweep.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class FeedbackIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @Inject
    Complaints complaints;
    @Inject
    SentimentAnalyzer analyzer;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forApplication();
        for (String topic : List.of(Topics.INTERACTIONS, Topics.ORDERS, Topics.SURVEY_RESPONSES, Topics.SEGMENT_EVENTS, Topics.LOYALTY_EVENTS)) {
            kafka.createTopicIfMissing(topic, 3);
        }
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aStronglyNegativeReviewOpensAGradedComplaintOnceAndIsPublished() {
        String customer = TestEvents.newCustomerId();
        String order = "o-" + customer;
        EventEnvelope<InteractionRecorded> review = EventEnvelope.of(customer, Instant.now(), "test",
                InteractionRecorded.review("SKU-HEATER", "HOME", 1, "质量太差了，用了一天就漏电，差点触电！太失望了", "zh", order));
        kafka.publish(Topics.INTERACTIONS, review);
        kafka.publish(Topics.INTERACTIONS, review); // the same event again: recognised by its id
        // a second angry text about the same order joins the open complaint instead of opening another
        kafka.publish(Topics.INTERACTIONS, EventEnvelope.of(customer, Instant.now(), "test",
                InteractionRecorded.review("SKU-HEATER", "HOME", 1, "客服太差了，一直不回复，非常生气", "zh", order)));
        // an angry review written long ago (a backfill) is stored and published, and opens no complaint
        EventEnvelope<InteractionRecorded> old = EventEnvelope.of(customer, Instant.now().minus(Duration.ofDays(30)), "test",
                InteractionRecorded.review("SKU-KETTLE", "HOME", 1, "质量太差了，用了一天就坏了，太失望了", "zh", "o-old-" + customer));
        kafka.publish(Topics.INTERACTIONS, old);
        // a happy review is stored with its sentiment and opens nothing
        kafka.publish(Topics.INTERACTIONS, EventEnvelope.of(customer, Instant.now(), "test",
                InteractionRecorded.review("SKU-TEA", "TEA", 5, "Lovely tea, fast delivery, will buy again!", "en", null)));

        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> CustomerText.count("customerId", customer)) == 4);
        List<Complaint> opened = QuarkusTransaction.requiringNew().call(() -> Complaint.<Complaint>list("customerId", customer));
        assertThat(opened).hasSize(1);
        Complaint c = opened.get(0);
        assertThat(c.source).isEqualTo(ComplaintSource.REVIEW);
        assertThat(c.severity).as("a safety hazard (漏电, 触电)").isEqualTo(ComplaintSeverity.MAJOR);
        assertThat(c.orderId).isEqualTo(order);
        assertThat(c.sourceRef).isEqualTo(review.eventId().toString());
        assertThat(c.filedAt).isEqualTo(review.occurredAt().truncatedTo(ChronoUnit.MICROS));
        List<ComplaintAudit> history = QuarkusTransaction.requiringNew().call(() -> ComplaintAudit.of(c.id));
        assertThat(history).extracting(a -> a.action)
                .containsExactly(ComplaintAudit.Action.FILED, ComplaintAudit.Action.ESCALATED, ComplaintAudit.Action.LINKED);
        assertThat(history).extracting(a -> a.actor).containsOnly(ComplaintAudit.SYSTEM);

        List<EventEnvelope<?>> events = FeedbackEvents.of(kafka, customer, FeedbackEvents.atLeast(3, NegativeReviewDetected.class));
        List<NegativeReviewDetected> all = FeedbackEvents.payloads(events, NegativeReviewDetected.class);
        assertThat(all).hasSize(3);
        assertThat(all).filteredOn(n -> old.eventId().equals(n.sourceEventId())).singleElement()
                .satisfies(n -> assertThat(n.complaintId()).as("old news opens no complaint").isNull());
        List<NegativeReviewDetected> negative = all.stream().filter(n -> !old.eventId().equals(n.sourceEventId())).toList();
        assertThat(negative).hasSize(2).allSatisfy(n -> {
            assertThat(n.complaintId()).isEqualTo(c.id);
            assertThat(n.source()).isEqualTo(ComplaintSource.REVIEW);
            assertThat(n.sentimentScore()).isLessThanOrEqualTo(-0.7);
            assertThat(n.language()).isEqualTo("ZH");
        });
        assertThat(negative.get(0).sourceEventId()).isEqualTo(review.eventId());
        assertThat(negative.get(0).rating()).isEqualTo(1);

        given().auth().oauth2(TestTokens.withRoles("support")).get("/customers/" + customer + "/feedback").then().statusCode(200)
                .body("reviews.size()", equalTo(4))
                .body("reviews.sentiment", hasItem("POSITIVE"))
                .body("complaints.size()", equalTo(1))
                .body("complaints[0].severity", equalTo("MAJOR"));
    }

    @Test
    void aKeywordOnTheWatchListAndANegativeSpikeRaiseAlerts() {
        String admin = TestTokens.withRoles("admin");
        String sku = "SKU-" + TestEvents.newCustomerId();
        given().auth().oauth2(TestTokens.withRoles("marketing")).contentType(ContentType.JSON)
                .body(Map.of("name", "counterfeits " + sku, "kind", "KEYWORD", "words", List.of("假货", "fake")))
                .post("/alert-rules").then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "no words", "kind", "KEYWORD"))
                .post("/alert-rules").then().statusCode(400).body("errors.field", hasItem("words"));
        long keywordRule = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "counterfeits " + sku, "kind", "KEYWORD", "words", List.of("假货", "fake"), "scope", sku))
                .post("/alert-rules").then().statusCode(201).extract().jsonPath().getLong("id");
        long spikeRule = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "spike " + sku, "kind", "NEGATIVE_SPIKE", "scope", sku, "minNegatives", 3))
                .post("/alert-rules").then().statusCode(201).extract().jsonPath().getLong("id");

        String first = TestEvents.newCustomerId();
        Instant now = Instant.now();
        kafka.publish(Topics.INTERACTIONS, EventEnvelope.of(first, now, "test",
                InteractionRecorded.comment(sku, "BAGS", "这是假货吧，做工太差了", "zh")));
        for (int i = 0; i < 3; i++) {
            kafka.publish(Topics.INTERACTIONS, EventEnvelope.of(TestEvents.newCustomerId(), now.plusSeconds(i + 1), "test",
                    InteractionRecorded.review(sku, "BAGS", 1, "Terrible quality, it broke after one day. Very disappointed.", "en", null)));
        }

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.withRoles("support")).queryParam("size", 200)
                .get("/alerts").then().statusCode(200)
                .body("findAll { it.ruleId == " + keywordRule + " }.keyword", equalTo(List.of("假货")))
                .body("findAll { it.ruleId == " + spikeRule + " }.size()", equalTo(1))
                .body("find { it.ruleId == " + spikeRule + " }.negatives", org.hamcrest.Matchers.greaterThanOrEqualTo(3)));
        List<EventEnvelope<?>> events = FeedbackEvents.of(kafka, first, FeedbackEvents.atLeast(1, FeedbackAlert.class));
        FeedbackAlert alert = FeedbackEvents.payloads(events, FeedbackAlert.class).get(0);
        assertThat(alert.kind()).isEqualTo(FeedbackAlert.Kind.KEYWORD);
        assertThat(alert.ruleId()).isEqualTo(keywordRule);
        assertThat(alert.keyword()).isEqualTo("假货");
        assertThat(alert.sku()).isEqualTo(sku);
    }

    @Test
    void answersFromTheSurveyTopicAreRecordedAndPublishedWithTheirCategory() {
        String detractor = TestEvents.newCustomerId();
        String promoter = TestEvents.newCustomerId();
        Instant answered = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        kafka.publish(Topics.SURVEY_RESPONSES, EventEnvelope.of(detractor, answered, "survey-tool",
                new SurveyResponseSubmitted(SurveyKind.NPS, 2, null, "Support never answered my emails. Awful.", null, null)));
        kafka.publish(Topics.SURVEY_RESPONSES, EventEnvelope.of(promoter, answered, "survey-tool",
                new SurveyResponseSubmitted(SurveyKind.NPS, 10, null, null, null, null)));

        List<EventEnvelope<?>> bad = FeedbackEvents.of(kafka, detractor, FeedbackEvents.atLeast(1, DetractorIdentified.class));
        NpsRecorded recorded = FeedbackEvents.payloads(bad, NpsRecorded.class).get(0);
        assertThat(recorded.score()).isEqualTo(2);
        assertThat(recorded.category()).isEqualTo(NpsCategory.DETRACTOR);
        assertThat(recorded.answeredAt()).isEqualTo(answered);
        assertThat(FeedbackEvents.payloads(bad, DetractorIdentified.class).get(0).responseId()).isEqualTo(recorded.responseId());
        List<EventEnvelope<?>> good = FeedbackEvents.of(kafka, promoter, FeedbackEvents.atLeast(1, PromoterIdentified.class));
        assertThat(FeedbackEvents.payloads(good, PromoterIdentified.class).get(0).score()).isEqualTo(10);
        assertThat(FeedbackEvents.payloads(good, DetractorIdentified.class)).isEmpty();
    }

    @Test
    void ordersAndServiceContactsInviteToSurveysOnceAndNeverDuringAnOpenComplaint() {
        String customer = TestEvents.newCustomerId();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var firstOrder = TestEvents.orderCompleted(customer, "o-1-" + customer, "100.00", t);
        kafka.publish(Topics.ORDERS, firstOrder);
        kafka.publish(Topics.ORDERS, firstOrder); // again: no second invitation
        // within the 90-day quiet period: no second NPS invitation
        var secondOrder = TestEvents.orderCompleted(customer, "o-2-" + customer, "50.00", t.plus(Duration.ofDays(30)));
        kafka.publish(Topics.ORDERS, secondOrder);
        var contact = EventEnvelope.of(customer, t.plus(Duration.ofDays(31)), "test",
                InteractionRecorded.serviceContact(ServiceTouchpoint.DELIVERY, "o-2-" + customer, null, null));
        kafka.publish(Topics.INTERACTIONS, contact);

        await().atMost(WAIT).until(() -> processedByInvitations(secondOrder.eventId().toString())
                && processedByInvitations(contact.eventId().toString()));
        List<EventEnvelope<?>> events = FeedbackEvents.of(kafka, customer, FeedbackEvents.atLeast(2, SurveyInvitation.class));
        List<SurveyInvitation> invitations = FeedbackEvents.payloads(events, SurveyInvitation.class);
        // orders and interactions are two topics: their invitations come in either order
        assertThat(invitations).extracting(SurveyInvitation::survey).containsExactlyInAnyOrder(SurveyKind.NPS, SurveyKind.CSAT);
        SurveyInvitation nps = invitations.stream().filter(i -> i.survey() == SurveyKind.NPS).findFirst().orElseThrow();
        SurveyInvitation csat = invitations.stream().filter(i -> i.survey() == SurveyKind.CSAT).findFirst().orElseThrow();
        assertThat(nps.triggerEventId()).isEqualTo(firstOrder.eventId());
        assertThat(csat.touchpoint()).isEqualTo("DELIVERY");
        assertThat(csat.triggerEventId()).isEqualTo(contact.eventId());

        // a customer with an open complaint is not asked
        String unhappy = TestEvents.newCustomerId();
        given().auth().oauth2(TestTokens.withRoles("support")).contentType(ContentType.JSON)
                .body(Map.of("customerId", unhappy, "text", "late again")).post("/complaints").then().statusCode(201);
        var order = TestEvents.orderCompleted(unhappy, "o-" + unhappy, "10.00", t);
        kafka.publish(Topics.ORDERS, order);
        // the invitations use case claims each event it applied in the transaction of its effects
        await().atMost(WAIT).until(() -> processedByInvitations(order.eventId().toString()));
        assertThat(QuarkusTransaction.requiringNew().call(() -> invitationCount(unhappy))).isZero();
    }

    @Test
    void theCustomersStageFromSegmentationWeighsOnTheGrading() {
        String customer = TestEvents.newCustomerId();
        kafka.publish(Topics.SEGMENT_EVENTS, EventEnvelope.of(customer, Instant.now(), "segmentation-service",
                new LifecycleStageChanged(LifecycleStage.ACTIVE_VALUE, LifecycleStage.HIGH_NET_WORTH, Instant.now(), "spend in the top 5 %")));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            CustomerContext c = CustomerContext.findById(customer);
            return c != null && "HIGH_NET_WORTH".equals(c.lifecycleStage);
        }));
        given().auth().oauth2(TestTokens.withRoles("support")).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "text", "The delivery was late.")).post("/complaints").then().statusCode(201)
                .body("severityReasons", org.hamcrest.Matchers.containsString("high-net-worth customer"));
    }

    @Test
    void aMissedDeadlineIsRecordedAndPublishedOnceAndNotBeforeItPasses() {
        String customer = TestEvents.newCustomerId();
        Instant writtenAt = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        String text = "Fake product, the seller is a scammer!";
        long id = QuarkusTransaction.requiringNew().call(() -> complaints.fileAutomatically(ComplaintSource.SURVEY_COMMENT, "test:" + customer,
                customer, null, null, text, analyzer.analyze(text), writtenAt).id);
        Complaint filed = QuarkusTransaction.requiringNew().call(() -> Complaint.findById(id));
        assertThat(filed.severity).as("fraud words (2 points) and strongly negative (1), not in public").isEqualTo(ComplaintSeverity.URGENT);
        assertThat(filed.firstContactDueAt).isEqualTo(writtenAt.plus(Duration.ofMinutes(30)));

        complaints.sweepBreaches(filed.firstContactDueAt.minusSeconds(1));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Complaint.<Complaint>findById(id).slaBreachedAt)).isNull();

        complaints.sweepBreaches(filed.firstContactDueAt.plusSeconds(1));
        complaints.sweepBreaches(filed.firstContactDueAt.plusSeconds(60)); // a later sweep, or one after a restart: nothing again
        assertThat(QuarkusTransaction.requiringNew().call(() -> Complaint.<Complaint>findById(id).slaBreachedAt))
                .isEqualTo(filed.firstContactDueAt);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ComplaintAudit.of(id)))
                .filteredOn(a -> a.action == ComplaintAudit.Action.SLA_BREACHED).hasSize(1);
        given().auth().oauth2(TestTokens.withRoles("support")).queryParam("breached", true).queryParam("size", 200)
                .get("/complaints").then().statusCode(200).body("items.id", hasItem((int) id));

        // a late first contact and the resolution: ComplaintResolved is relayed after anything the sweeps published
        complaints.act(id, org.openretention.feedback.complaint.ComplaintStatus.Action.ACKNOWLEDGE, "tester", "late", null);
        complaints.act(id, org.openretention.feedback.complaint.ComplaintStatus.Action.RESOLVE, "tester", null,
                new Complaints.Resolution(org.openretention.events.feedback.RootCause.OTHER, null));
        List<EventEnvelope<?>> all = FeedbackEvents.of(kafka, customer,
                FeedbackEvents.atLeast(1, org.openretention.events.feedback.ComplaintResolved.class));
        assertThat(FeedbackEvents.payloads(all, org.openretention.events.feedback.ComplaintResolved.class).get(0).slaMet()).isFalse();
        assertThat(FeedbackEvents.payloads(all, SlaBreached.class)).singleElement()
                .satisfies(b -> {
                    assertThat(b.complaintId()).isEqualTo(id);
                    assertThat(b.dueAt()).isEqualTo(filed.firstContactDueAt);
                });
    }

    private static long invitationCount(String customer) {
        return ((Number) io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM survey_invitation WHERE customer_id = :c").setParameter("c", customer)
                .getSingleResult()).longValue();
    }

    private static boolean processedByInvitations(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM platform_processed_event WHERE consumer = :c AND event_id = CAST(:e AS uuid)")
                .setParameter("c", Invitations.CONSUMER).setParameter("e", eventId).getSingleResult()).longValue()) == 1;
    }
}
