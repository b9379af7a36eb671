package org.openretention.loyalty.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openretention.events.Topics;
import org.openretention.platform.rest.Roles;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class ReferralResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    private TestMembers members;

    @BeforeEach
    void members() {
        members = new TestMembers(dataSource);
    }

    @Test
    void aReferrerSeesTheCustomersTheirCodeBroughtIn() {
        String referrer = TestEvents.newCustomerId();
        String code = "REF" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Instant registered = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        members.publish(Topics.CUSTOMERS, referrer, registered, TestMembers.registration(registered, code, null));
        members.awaitMember(referrer, 0);

        String first = TestEvents.newCustomerId();
        String second = TestEvents.newCustomerId();
        Instant firstAt = registered.plus(Duration.ofDays(1));
        Instant secondAt = registered.plus(Duration.ofDays(2));
        members.publish(Topics.CUSTOMERS, first, firstAt, TestMembers.registration(firstAt, null, code));
        members.publish(Topics.CUSTOMERS, second, secondAt, TestMembers.registration(secondAt, null, code));

        String support = TestTokens.withRoles(Roles.SUPPORT);
        await().atMost(TestMembers.INTAKE).untilAsserted(() ->
                given().auth().oauth2(support).get("/customers/" + referrer + "/referrals")
                        .then().statusCode(200).body("invited", equalTo(2)));

        given().auth().oauth2(support).get("/customers/" + referrer + "/referrals")
                .then().statusCode(200)
                .body("customerId", equalTo(referrer))
                .body("referralCode", equalTo(code))
                .body("invited", equalTo(2))
                .body("converted", equalTo(0))
                .body("pointsEarned", equalTo(0))
                .body("referrals.refereeId", equalTo(List.of(first, second)))
                .body("referrals[0].invitedAt", equalTo(firstAt.toString()))
                .body("referrals[0].status", equalTo("INVITED"))
                .body("referrals[0].convertedAt", nullValue());

        // the referee's qualifying order surviving its return window is the ledger maintenance's business; here the
        // referral is put in the state maintenance leaves it in, to check what the report makes of it
        Instant convertedAt = secondAt.plus(Duration.ofDays(8));
        members.update("UPDATE referral SET status = 'CONVERTED', converted_at = ?, referrer_points = 500, referee_points = 200 WHERE referee_id = ?",
                Timestamp.from(convertedAt), second);

        given().auth().oauth2(TestTokens.withRoles(Roles.MARKETING)).get("/customers/" + referrer + "/referrals")
                .then().statusCode(200)
                .body("invited", equalTo(2))
                .body("converted", equalTo(1))
                .body("pointsEarned", equalTo(500))
                .body("referrals[1].refereeId", equalTo(second))
                .body("referrals[1].status", equalTo("CONVERTED"))
                .body("referrals[1].convertedAt", equalTo(convertedAt.toString()))
                .body("referrals[0].status", equalTo("INVITED"));
    }

    @Test
    void aMemberWhoReferredNobodyHasTheirCodeAndNoReferrals() {
        String customer = members.registered();
        given().auth().oauth2(TestTokens.withRoles(Roles.SUPPORT)).get("/customers/" + customer + "/referrals")
                .then().statusCode(200)
                .body("referralCode", matchesPattern("^R[A-Z2-9]{9}$"))
                .body("invited", equalTo(0))
                .body("converted", equalTo(0))
                .body("pointsEarned", equalTo(0))
                .body("referrals", hasSize(0));
    }

    @Test
    void anUnknownMemberIs404AndOnlySupportAndMarketingMayLook() {
        given().auth().oauth2(TestTokens.withRoles(Roles.SUPPORT)).get("/customers/" + TestEvents.newCustomerId() + "/referrals")
                .then().statusCode(404).contentType(PROBLEM).body("detail", containsString("no loyalty member"));
        given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN)).get("/customers/" + TestEvents.newCustomerId() + "/referrals")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.withRoles(Roles.OPS)).get("/customers/" + TestEvents.newCustomerId() + "/referrals")
                .then().statusCode(403).contentType(PROBLEM);
    }
}
