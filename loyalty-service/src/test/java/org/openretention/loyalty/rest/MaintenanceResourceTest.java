package org.openretention.loyalty.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openretention.platform.rest.Roles;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The on-demand ledger maintenance, as operators call it. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class MaintenanceResourceTest {

    private static final String PROBLEM = "application/problem+json";
    /** The cluster-wide lock a run holds while it runs (platform ClusterJobs, job loyalty-ledger-maintenance). */
    private static final String JOB_LOCK = "(hashtext('openretention-job'), hashtext('loyalty-ledger-maintenance'))";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRunAsOfAnInstantReportsWhatItDid() {
        // long before any member of the tests exists: nothing is due, and nobody else's members are changed
        given().auth().oauth2(TestTokens.withRoles(Roles.OPS)).queryParam("asOf", "2001-02-03T04:05:06Z")
                .post("/ops/ledger-maintenance")
                .then().statusCode(200)
                .body("asOf", equalTo("2001-02-03T04:05:06Z"))
                .body("members", equalTo(0))
                .body("referralsConverted", equalTo(0));
    }

    @Test
    void aRunWhileAnotherIsInProgressIsAConflict() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            assertThat(lock(other, "pg_try_advisory_lock")).as("the job lock is free").isTrue();
            try {
                given().auth().oauth2(TestTokens.withRoles(Roles.OPS)).post("/ops/ledger-maintenance")
                        .then().statusCode(409).contentType(PROBLEM)
                        .body("type", equalTo("https://openretention.org/problems/conflict"))
                        .body("detail", containsString("running already"));
                given().auth().oauth2(TestTokens.withRoles(Roles.ADMIN)).queryParam("asOf", "2001-02-03T04:05:06Z")
                        .post("/ops/ledger-maintenance")
                        .then().statusCode(409).contentType(PROBLEM);
            } finally {
                lock(other, "pg_advisory_unlock");
            }
        }
        given().auth().oauth2(TestTokens.withRoles(Roles.OPS)).queryParam("asOf", "2001-02-03T04:05:06Z")
                .post("/ops/ledger-maintenance")
                .then().statusCode(200);
    }

    @Test
    void anAsOfThatIsNoInstantIsRejected() {
        given().auth().oauth2(TestTokens.withRoles(Roles.OPS)).queryParam("asOf", "yesterday")
                .post("/ops/ledger-maintenance")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://openretention.org/problems/validation"))
                .body("detail", containsString("asOf"));
    }

    private static boolean lock(Connection connection, String function) throws Exception {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + function + JOB_LOCK);
             ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
