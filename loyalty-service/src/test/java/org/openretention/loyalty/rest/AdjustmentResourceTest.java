package org.openretention.loyalty.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openretention.platform.rest.Roles;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class AdjustmentResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ACTOR = "tester@openretention.test";

    @Inject
    AgroalDataSource dataSource;

    private TestMembers members;

    @BeforeEach
    void members() {
        members = new TestMembers(dataSource);
    }

    private static ValidatableResponse adjust(String role, String customer, Object points, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("points", points);
        body.put("reason", reason);
        return given().auth().oauth2(TestTokens.withRoles(role)).contentType(ContentType.JSON).body(body)
                .post("/customers/" + customer + "/adjustments").then();
    }

    @Test
    void aCreditIsRecordedWithTheAdministratorAsActor() {
        String customer = members.withAvailablePoints("200.00"); // 300 available
        adjust(Roles.ADMIN, customer, 150, "  parcel arrived damaged  ")
                .statusCode(201)
                .body("adjustmentId", notNullValue())
                .body("customerId", equalTo(customer))
                .body("points", equalTo(150))
                .body("reason", equalTo("parcel arrived damaged"))
                .body("actor", equalTo(ACTOR))
                .body("at", notNullValue())
                .body("availablePointsAfter", equalTo(450));
        assertThat(members.openPoints(customer)).isEqualTo(450);
        assertThat(members.query("SELECT count(*) FROM ledger_entry WHERE customer_id = ? AND type = 'ADJUST' AND points = 150 "
                + "AND actor = ? AND reason = 'parcel arrived damaged'", customer, ACTOR)).isEqualTo(1);
    }

    @Test
    void aDebitBeyondTheBalanceLeavesADebt() {
        String customer = members.withAvailablePoints("100.00"); // 200 available
        adjust(Roles.ADMIN, customer, -80, "goodwill points given twice")
                .statusCode(201).body("points", equalTo(-80)).body("availablePointsAfter", equalTo(120));
        assertThat(members.openPoints(customer)).isEqualTo(120);

        adjust(Roles.ADMIN, customer, -200, "fraudulent order")
                .statusCode(201).body("availablePointsAfter", equalTo(-80)).body("actor", equalTo(ACTOR));
        assertThat(members.openPoints(customer)).isZero();
        assertThat(members.debt(customer)).isEqualTo(80);

        // a credit settles the debt first
        adjust(Roles.ADMIN, customer, 100, "correction").statusCode(201).body("availablePointsAfter", equalTo(20));
        assertThat(members.debt(customer)).isZero();
    }

    @Test
    void aReasonOfFiveHundredCharactersIsKept() {
        String customer = members.registered();
        String reason = "r".repeat(500);
        adjust(Roles.ADMIN, customer, 10, reason).statusCode(201).body("reason", equalTo(reason));
        assertThat(members.query("SELECT count(*) FROM ledger_entry WHERE customer_id = ? AND reason = ?", customer, reason)).isEqualTo(1);
    }

    @Test
    void invalidAdjustmentsAre400NamingTheField() {
        String customer = TestEvents.newCustomerId();
        adjust(Roles.ADMIN, customer, 0, "nothing").statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("points"));
        adjust(Roles.ADMIN, customer, null, " ").statusCode(400).contentType(PROBLEM).body("errors.field", hasItems("points", "reason"));
        adjust(Roles.ADMIN, customer, 0, " ").statusCode(400).contentType(PROBLEM).body("errors.field", hasItems("points", "reason"));
        adjust(Roles.ADMIN, customer, 5, "r".repeat(501)).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("reason"));
        adjust(Roles.ADMIN, customer, 1.5, "fraction").statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("points"));
    }

    @Test
    void anUnknownCustomerIs404() {
        adjust(Roles.ADMIN, TestEvents.newCustomerId(), 10, "welcome").statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("no loyalty member"));
    }

    @Test
    void onlyAdministratorsAdjust() {
        String customer = members.registered();
        adjust(Roles.SUPPORT, customer, 10, "please").statusCode(403).contentType(PROBLEM);
        adjust(Roles.MARKETING, customer, 10, "please").statusCode(403).contentType(PROBLEM);
        assertThat(members.openPoints(customer)).isZero();
    }
}
