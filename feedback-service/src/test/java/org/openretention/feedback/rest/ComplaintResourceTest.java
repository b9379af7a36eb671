package org.openretention.feedback.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventEnvelope;
import org.openretention.events.feedback.Compensation;
import org.openretention.events.feedback.ComplaintEscalated;
import org.openretention.events.feedback.ComplaintFiled;
import org.openretention.events.feedback.ComplaintResolved;
import org.openretention.events.feedback.ComplaintSeverity;
import org.openretention.events.feedback.ComplaintSource;
import org.openretention.events.feedback.RootCause;
import org.openretention.feedback.support.FeedbackEvents;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Complaints over the API: grading, escalation, the lifecycle with its audit trail and refusals, and the events published. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class ComplaintResourceTest {

    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forApplication();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aSafetyHazardIsMajorEscalatedAtOnceAndPublished() {
        String customer = TestEvents.newCustomerId();
        long id = file(customer, "充电宝充电时爆炸了，差点起火！", "PHONE")
                .body("severity", equalTo("MAJOR"))
                .body("status", equalTo("OPEN"))
                .body("source", equalTo("MANUAL"))
                .body("channel", equalTo("PHONE"))
                .body("escalatedAt", notNullValue())
                .body("severityReasons", containsString("爆炸"))
                .body("history.action", equalTo(List.of("FILED", "ESCALATED")))
                .body("history.actor", everyItem(equalTo("tester@openretention.test")))
                .extract().jsonPath().getLong("id");

        List<EventEnvelope<?>> events = FeedbackEvents.of(kafka, customer, FeedbackEvents.atLeast(1, ComplaintEscalated.class));
        ComplaintFiled filed = FeedbackEvents.payloads(events, ComplaintFiled.class).get(0);
        assertThat(filed.complaintId()).isEqualTo(id);
        assertThat(filed.severity()).isEqualTo(ComplaintSeverity.MAJOR);
        assertThat(filed.source()).isEqualTo(ComplaintSource.MANUAL);
        ComplaintEscalated escalated = FeedbackEvents.payloads(events, ComplaintEscalated.class).get(0);
        assertThat(escalated.complaintId()).isEqualTo(id);
        assertThat(escalated.reasons()).anyMatch(r -> r.contains("爆炸"));
        // first contact within 30 minutes, around the clock
        assertThat(java.time.Duration.between(events.get(0).occurredAt(), filed.firstContactDueAt())).isEqualTo(java.time.Duration.ofMinutes(30));
    }

    @Test
    void aPlainComplaintIsNormalAndGoesThroughItsLifecycleWithEveryStepAudited() {
        String customer = TestEvents.newCustomerId();
        long id = file(customer, "The parcel arrived a day late.", "EMAIL")
                .body("severity", equalTo("NORMAL"))
                .body("escalatedAt", nullValue())
                .extract().jsonPath().getLong("id");

        // illegal steps: 409 problem+json, nothing changes
        step(id, "close", Map.of()).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("OPEN cannot be closed"));
        step(id, "resolve", Map.of("rootCause", "LOGISTICS")).statusCode(409);

        step(id, "acknowledge", Map.of("note", "called the customer")).statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("firstContactAt", notNullValue());
        // a resolution needs its root cause, and a coherent compensation
        step(id, "resolve", Map.of()).statusCode(400).body("errors.field", hasItem("rootCause"));
        step(id, "resolve", Map.of("rootCause", "BAD_LUCK")).statusCode(400).body("errors.field", hasItem("rootCause"));
        step(id, "resolve", Map.of("rootCause", "LOGISTICS", "compensation", Map.of("kind", "POINTS"))).statusCode(400)
                .body("errors.field", hasItem("compensation.points"));
        step(id, "resolve", Map.of("rootCause", "LOGISTICS", "compensation", Map.of("kind", "COUPON", "amount", 20))).statusCode(400)
                .body("errors.field", hasItem("compensation.currency"));
        step(id, "resolve", Map.of("rootCause", "LOGISTICS", "note", "courier delay",
                "compensation", Map.of("kind", "POINTS", "points", 500, "description", "sorry for the wait"))).statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("rootCause", equalTo("LOGISTICS"))
                .body("compensation.kind", equalTo("POINTS"))
                .body("compensation.points", equalTo(500));
        // a step without a body or a content type, as `curl -X POST` sends it; a bad note is a 400 naming it
        given().auth().oauth2(TestTokens.withRoles("support")).post("/complaints/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        given().auth().oauth2(TestTokens.withRoles("support")).contentType(ContentType.JSON).body("{\"note\": 42}")
                .post("/complaints/" + id + "/reopen").then().statusCode(400).body("errors.field", hasItem("note"));
        given().auth().oauth2(TestTokens.withRoles("support")).contentType(ContentType.JSON).body(Map.of("note", "x".repeat(2001)))
                .post("/complaints/" + id + "/reopen").then().statusCode(400).body("errors.field", hasItem("note"));
        step(id, "reopen", Map.of("note", "the customer wrote again")).statusCode(200).body("status", equalTo("REOPENED"));
        step(id, "acknowledge", Map.of()).statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("history.action", equalTo(List.of("FILED", "ACKNOWLEDGED", "RESOLVED", "CLOSED", "REOPENED", "ACKNOWLEDGED")))
                .body("history.toStatus", equalTo(List.of("OPEN", "ACKNOWLEDGED", "RESOLVED", "CLOSED", "REOPENED", "ACKNOWLEDGED")))
                .body("history[1].note", equalTo("called the customer"));

        List<EventEnvelope<?>> events = FeedbackEvents.of(kafka, customer, FeedbackEvents.atLeast(1, ComplaintResolved.class));
        ComplaintResolved resolved = FeedbackEvents.payloads(events, ComplaintResolved.class).get(0);
        assertThat(resolved.complaintId()).isEqualTo(id);
        assertThat(resolved.rootCause()).isEqualTo(RootCause.LOGISTICS);
        assertThat(resolved.compensation()).isEqualTo(new Compensation(Compensation.Kind.POINTS, 500L, null, null, "sorry for the wait"));
        assertThat(resolved.slaMet()).isTrue();
    }

    @Test
    void aRegradeToMajorNeedsAReasonEscalatesAndPullsTheDeadlineIn() {
        String customer = TestEvents.newCustomerId();
        var filed = file(customer, "The colour is not what the photo showed.", null).extract().jsonPath();
        long id = filed.getLong("id");
        String due = filed.getString("firstContactDueAt");

        step(id, "regrade", Map.of("severity", "MAJOR")).statusCode(400).body("errors.field", hasItem("reason"));
        step(id, "regrade", Map.of("severity", "SEVERE", "reason", "x")).statusCode(400).body("errors.field", hasItem("severity"));
        step(id, "regrade", Map.of("severity", "NORMAL", "reason", "x")).statusCode(409);
        var regraded = step(id, "regrade", Map.of("severity", "MAJOR", "reason", "the customer is a journalist")).statusCode(200)
                .body("severity", equalTo("MAJOR"))
                .body("escalatedAt", notNullValue())
                .body("history.action", equalTo(List.of("FILED", "REGRADED", "ESCALATED")))
                .body("history[1].note", containsString("NORMAL → MAJOR: the customer is a journalist"))
                .extract().jsonPath();
        assertThat(java.time.Instant.parse(regraded.getString("firstContactDueAt")))
                .isBeforeOrEqualTo(java.time.Instant.parse(due))
                .isBeforeOrEqualTo(java.time.Instant.now().plus(java.time.Duration.ofMinutes(30)));

        List<EventEnvelope<?>> events = FeedbackEvents.of(kafka, customer, FeedbackEvents.atLeast(1, ComplaintEscalated.class));
        assertThat(FeedbackEvents.payloads(events, ComplaintEscalated.class).get(0).reasons())
                .containsExactly("regraded by tester@openretention.test: the customer is a journalist");
    }

    @Test
    void theQueueFiltersAndPagesAndRefusesWhatItCannotRead() {
        String customer = TestEvents.newCustomerId();
        long major = file(customer, "The heater caught fire in my kitchen", null).extract().jsonPath().getLong("id");
        given().auth().oauth2(TestTokens.withRoles("support")).queryParam("status", "open").queryParam("severity", "MAJOR")
                .queryParam("size", 200).get("/complaints").then().statusCode(200)
                .body("items.id", hasItem((int) major))
                .body("items.severity", everyItem(equalTo("MAJOR")))
                .body("items.status", everyItem(equalTo("OPEN")));
        given().auth().oauth2(TestTokens.withRoles("support")).queryParam("status", "lost").get("/complaints").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().auth().oauth2(TestTokens.withRoles("support")).queryParam("breached", "maybe").get("/complaints").then().statusCode(400)
                .body("errors.field", hasItem("breached"));
        given().auth().oauth2(TestTokens.withRoles("support")).get("/complaints/999999999").then().statusCode(404);
        given().auth().oauth2(TestTokens.withRoles("support")).contentType(ContentType.JSON).body(Map.of("customerId", customer))
                .post("/complaints").then().statusCode(400).body("errors.field", hasItem("text"));
        given().auth().oauth2(TestTokens.withRoles("marketing")).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "text", "late")).post("/complaints").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("marketing")).get("/reports/complaints").then().statusCode(200)
                .body("queue.severity", hasItem("MAJOR"))
                .body("outcomes[0].severity", equalTo("ALL"));
    }

    private static ValidatableResponse file(String customer, String text, String channel) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customer, "text", text, "orderId", "o-" + customer));
        if (channel != null) {
            body.put("channel", channel);
        }
        return given().auth().oauth2(TestTokens.withRoles("support")).contentType(ContentType.JSON).body(body)
                .post("/complaints").then().statusCode(201);
    }

    private static ValidatableResponse step(long id, String action, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.withRoles("support")).contentType(ContentType.JSON).body(body)
                .post("/complaints/" + id + "/" + action).then();
    }
}
