package org.openretention.feedback.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openretention.feedback.store.CustomerContext;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** NPS and CSAT answers through the API, the reports over them, and the 400s. Answers are dated in 2031, no other test's. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class SurveyResourceTest {

    private static Map<String, Object> answer(int score, String answeredAt, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", TestEvents.newCustomerId());
        body.put("score", score);
        body.put("answeredAt", answeredAt);
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }

    private static io.restassured.response.ValidatableResponse post(String path, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.withRoles("support")).contentType(ContentType.JSON).body(body).post(path).then();
    }

    @Test
    void npsAnswersAreRecordedAndReportedByWeekWithTheirInterval() {
        post("/surveys/nps", answer(10, "2031-01-06T10:00:00Z", "非常满意，物流很快")).statusCode(201)
                .body("category", equalTo("PROMOTER")).body("commentSentiment", equalTo("POSITIVE"));
        post("/surveys/nps", answer(9, "2031-01-07T10:00:00Z", null)).statusCode(201).body("category", equalTo("PROMOTER"));
        post("/surveys/nps", answer(3, "2031-01-08T10:00:00Z", "terrible, it broke after a day")).statusCode(201)
                .body("category", equalTo("DETRACTOR")).body("commentSentiment", equalTo("NEGATIVE"));
        post("/surveys/nps", answer(7, "2031-01-14T10:00:00Z", null)).statusCode(201).body("category", equalTo("PASSIVE"));

        JsonPath weeks = given().auth().oauth2(TestTokens.withRoles("marketing"))
                .queryParam("from", "2031-01-01").queryParam("to", "2031-01-31").queryParam("groupBy", "week")
                .get("/metrics/nps").then().statusCode(200).extract().jsonPath();
        assertThat(weeks.getList("groups.period", String.class)).containsExactly("2031-01-06", "2031-01-13");
        assertThat(weeks.getInt("groups[0].answers")).isEqualTo(3);
        assertThat(weeks.getDouble("groups[0].nps")).isCloseTo(100.0 / 3, within(1e-4));
        assertThat(weeks.getDouble("groups[0].low")).isLessThan(weeks.getDouble("groups[0].nps"));
        assertThat(weeks.getInt("groups[1].passives")).isEqualTo(1);

        JsonPath whole = given().auth().oauth2(TestTokens.withRoles("support"))
                .queryParam("from", "2031-01-01").queryParam("to", "2031-01-31")
                .get("/metrics/nps").then().statusCode(200).extract().jsonPath();
        assertThat(whole.getList("groups")).hasSize(1);
        assertThat(whole.getInt("groups[0].answers")).isEqualTo(4);
        assertThat(whole.getDouble("groups[0].nps")).isEqualTo(25.0);
    }

    @Test
    void csatAnswersAreReportedByTouchpoint() {
        for (int score : new int[] {5, 4, 2}) {
            Map<String, Object> body = answer(score, "2031-03-02T10:00:00Z", null);
            body.put("touchpoint", "DELIVERY");
            post("/surveys/csat", body).statusCode(201).body("satisfied", equalTo(score >= 4));
        }
        Map<String, Object> support = answer(5, "2031-03-03T10:00:00Z", null);
        support.put("touchpoint", "SUPPORT");
        post("/surveys/csat", support).statusCode(201);

        JsonPath report = given().auth().oauth2(TestTokens.withRoles("marketing"))
                .queryParam("from", "2031-03-01").queryParam("to", "2031-03-31").queryParam("groupBy", "touchpoint")
                .get("/metrics/csat").then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("groups.touchpoint", String.class)).containsExactly("DELIVERY", "SUPPORT");
        assertThat(report.getDouble("groups[0].csat")).isCloseTo(200.0 / 3, within(1e-4));
        assertThat(report.getInt("groups[1].satisfied")).isEqualTo(1);
    }

    @Test
    void answersAreReportedByTheCustomersStageAndTierWhenTheyAnswered() {
        String vip = TestEvents.newCustomerId();
        String newcomer = TestEvents.newCustomerId();
        // what segment-events and loyalty-events said of them (ContextIntake keeps it; FeedbackIntakeTest covers the intake)
        QuarkusTransaction.requiringNew().run(() -> {
            context(vip, "HIGH_NET_WORTH", "GOLD");
            context(newcomer, "NEW", null);
        });
        post("/surveys/nps", answer(vip, 10, "2032-07-02T10:00:00Z")).statusCode(201);
        post("/surveys/nps", answer(vip, 3, "2032-07-03T10:00:00Z")).statusCode(201);
        post("/surveys/nps", answer(newcomer, 9, "2032-07-03T11:00:00Z")).statusCode(201);
        post("/surveys/nps", answer(TestEvents.newCustomerId(), 7, "2032-07-04T10:00:00Z")).statusCode(201); // nothing known of them

        JsonPath byStage = given().auth().oauth2(TestTokens.withRoles("marketing")).queryParam("from", "2032-07-01")
                .queryParam("to", "2032-07-31").queryParam("groupBy", "stage").get("/metrics/nps").then().statusCode(200)
                .body("by", equalTo("STAGE")).extract().jsonPath();
        assertThat(byStage.getList("groups.lifecycleStage", String.class)).containsExactly("HIGH_NET_WORTH", "NEW", null);
        assertThat(byStage.getInt("groups[0].answers")).isEqualTo(2);
        assertThat(byStage.getDouble("groups[0].nps")).isEqualTo(0.0);
        assertThat(byStage.getDouble("groups[1].nps")).isEqualTo(100.0);
        JsonPath byTier = given().auth().oauth2(TestTokens.withRoles("marketing")).queryParam("from", "2032-07-01")
                .queryParam("to", "2032-07-31").queryParam("groupBy", "tier").get("/metrics/nps").then().statusCode(200).extract().jsonPath();
        assertThat(byTier.getList("groups.tier", String.class)).containsExactly("GOLD", null);
        assertThat(byTier.getList("groups.answers", Integer.class)).containsExactly(2, 2);
        given().auth().oauth2(TestTokens.withRoles("marketing")).queryParam("groupBy", "touchpoint").get("/metrics/nps")
                .then().statusCode(400).body("errors.field", hasItem("groupBy"));
    }

    private static void context(String customer, String stage, String tier) {
        CustomerContext c = new CustomerContext();
        c.customerId = customer;
        c.lifecycleStage = stage;
        c.stageAt = java.time.Instant.parse("2032-06-01T00:00:00Z");
        c.tier = tier;
        c.tierAt = tier == null ? null : c.stageAt;
        c.persist();
    }

    private static Map<String, Object> answer(String customer, int score, String at) {
        return new HashMap<>(Map.of("customerId", customer, "score", score, "answeredAt", at));
    }

    @Test
    void badAnswersAndBadReportParametersAre400sNamingTheField() {
        post("/surveys/nps", answer(11, null, null)).statusCode(400).body("errors.field", hasItem("score"));
        Map<String, Object> noCustomer = answer(5, null, null);
        noCustomer.remove("customerId");
        post("/surveys/nps", noCustomer).statusCode(400).body("errors.field", hasItem("customerId"));
        post("/surveys/nps", answer(5, "yesterday", null)).statusCode(400).body("errors.field", hasItem("answeredAt"));
        post("/surveys/csat", answer(4, null, null)).statusCode(400).body("errors.field", hasItem("touchpoint"));
        post("/surveys/csat", Map.of("customerId", "c", "score", 0, "touchpoint", "SUPPORT")).statusCode(400)
                .body("errors.field", hasItem("score"));
        given().auth().oauth2(TestTokens.withRoles("marketing")).queryParam("groupBy", "year").get("/metrics/nps")
                .then().statusCode(400).body("errors.field", hasItem("groupBy"));
        given().auth().oauth2(TestTokens.withRoles("marketing")).queryParam("from", "2031-02-01").queryParam("to", "2031-01-01")
                .get("/metrics/csat").then().statusCode(400).body("errors.field", hasItem("to"));
        given().auth().oauth2(TestTokens.withRoles("marketing")).queryParam("from", "01/02/2031").get("/metrics/csat")
                .then().statusCode(400).body("errors.field", hasItem("from"));
    }
}
