package org.openretention.segmentation.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.platform.messaging.EventIntake;
import org.openretention.segmentation.model.Simulation;
import org.openretention.segmentation.service.ProfileIntake;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code POST /models/fit}, {@code GET /models/current}, {@code GET /models} and the profile's churn block, on
 * populations seeded into {@code profile_order} (401 and 403: SegmentationApiContractTest). The populations live in
 * years no other test writes to (2015-2016, 2018), so the fits see only them.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelFitResourceTest {

    /** The BG/NBD the first population is drawn from (the parameters of BgNbdTest's simulation). */
    private static final double R = 0.5;
    private static final double ALPHA = 6;
    private static final double A = 0.8;
    private static final double B = 2.5;
    private static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    private static final LocalDate CALIBRATION_END = FIRST_DAY.plusDays(273);
    private static final LocalDate HOLDOUT_END = CALIBRATION_END.plusDays(182);
    private static final int CUSTOMERS = 4000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventIntake intake;
    @Inject
    ProfileIntake profiles;
    @Inject
    EventCodec codec;

    private record SeededOrder(String customerId, String orderId, Instant at, BigDecimal amount) {
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aSimulatedPopulationIsFittedNearTheTruthStoredAndActivated() throws SQLException {
        seed(bgNbdPopulation(new SplittableRandom(7)));

        JsonPath fit = given().auth().oauth2(TestTokens.withRoles("ops"))
                .queryParam("calibrationEnd", CALIBRATION_END.toString())
                .queryParam("holdoutEnd", HOLDOUT_END.toString())
                .post("/models/fit").then().statusCode(200).contentType("application/json")
                .body("timeUnit", equalTo("WEEKS"))
                .body("customers", equalTo(CUSTOMERS))
                .body("calibrationEnd", equalTo(CALIBRATION_END.toString()))
                .body("holdoutEnd", equalTo(HOLDOUT_END.toString()))
                .body("fittedAt", notNullValue())
                .body("refusedBecause", nullValue())
                .body("converged", equalTo(true))
                .body("activated", equalTo(true))
                .body("active", equalTo(true))
                .extract().jsonPath();
        assertThat(fit.getDouble("bgnbd.r")).isCloseTo(R, within(0.3 * R));
        assertThat(fit.getDouble("bgnbd.alpha")).isCloseTo(ALPHA, within(0.35 * ALPHA));
        assertThat(fit.getDouble("bgnbd.a")).isCloseTo(A, within(0.6 * A));
        assertThat(fit.getDouble("bgnbd.b")).isCloseTo(B, within(0.7 * B));
        assertThat(fit.getDouble("bgnbd.logLikelihood")).isNegative();
        assertThat(fit.getDouble("paretoNbd.r")).isPositive();
        assertThat(fit.getDouble("paretoNbd.logLikelihood")).isNegative();
        // the repeat values are Gamma-Gamma with p = 6, q = 4, gamma = 15: a mean of p gamma / (q - 1) = 30 a transaction
        assertThat(fit.getDouble("gammaGamma.p") * fit.getDouble("gammaGamma.gamma") / (fit.getDouble("gammaGamma.q") - 1))
                .isCloseTo(30, within(3.0));
        double actual = fit.getLong("holdout.bgnbd.actual");
        assertThat(actual).isPositive();
        assertThat(fit.getDouble("holdout.bgnbd.predicted")).isCloseTo(actual, within(0.2 * actual));
        assertThat(fit.getDouble("holdout.paretoNbd.predicted")).isCloseTo(actual, within(0.2 * actual));
        assertThat(fit.getDouble("holdout.bgnbd.mae")).isPositive();
        long id = fit.getLong("id");

        assertThat(storedActiveFits()).containsExactly(id);
        given().auth().oauth2(TestTokens.withRoles("marketing")).get("/models/current").then()
                .statusCode(200).body("id", equalTo((int) id)).body("bgnbd.r", equalTo(fit.getFloat("bgnbd.r")));
        given().auth().oauth2(TestTokens.withRoles("ops")).get("/models").then()
                .statusCode(200).body("fits[0].id", equalTo((int) id)).body("page", equalTo(0)).body("size", equalTo(20));

        // a cohort's fit is a study: not activated unless asked, and the active fit stays
        int cohortFit = given().auth().oauth2(TestTokens.withRoles("ops"))
                .queryParam("calibrationEnd", CALIBRATION_END.toString())
                .queryParam("cohortStart", FIRST_DAY.toString())
                .queryParam("cohortEnd", FIRST_DAY.plusDays(42).toString())
                .post("/models/fit").then().statusCode(200)
                .body("activated", equalTo(false))
                .body("active", equalTo(false))
                .body("holdout", nullValue())
                .extract().path("id");
        assertThat(storedActiveFits()).containsExactly(id);
        given().auth().oauth2(TestTokens.withRoles("marketing")).queryParam("size", 1).get("/models").then()
                .statusCode(200).body("fits.id", org.hamcrest.Matchers.contains(cohortFit));
        given().auth().oauth2(TestTokens.withRoles("marketing")).queryParam("page", 1).queryParam("size", 1).get("/models").then()
                .statusCode(200).body("fits.id", org.hamcrest.Matchers.contains((int) id));

        // the profile of a customer who bought 100 and 20 days ago is scored with the active fit
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String customer = TestEvents.newCustomerId();
        apply(TestEvents.orderCompleted(customer, "o-1", "40.00", now.minus(Duration.ofDays(100))),
                TestEvents.orderCompleted(customer, "o-2", "20.00", now.minus(Duration.ofDays(20))));
        JsonPath profile = given().auth().oauth2(TestTokens.withRoles("marketing")).get("/customers/{id}/profile", customer)
                .then().statusCode(200)
                .body("churn.model", equalTo(fit.getString("holdout.winner")))
                .body("churn.fitId", equalTo((int) id))
                .extract().jsonPath();
        assertThat(profile.getDouble("churn.probabilityAlive")).isBetween(0.0, 1.0);
        assertThat(profile.getDouble("churn.expectedPurchases30d")).isPositive()
                .isLessThan(profile.getDouble("churn.expectedPurchases90d"));
        assertThat(profile.getDouble("clv12m")).isPositive();
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aCohortWithoutRepeatPurchasesIsStoredWithItsReasonAndNotActivated() throws SQLException {
        SplittableRandom random = new SplittableRandom(3);
        List<SeededOrder> orders = new ArrayList<>();
        LocalDate start = LocalDate.of(2018, 1, 1);
        for (int i = 0; i < 300; i++) {
            orders.add(new SeededOrder("fit-once-" + i, "o-1", noon(start.plusDays(random.nextInt(31))), new BigDecimal("25.00")));
        }
        seed(orders);
        Long before = storedActiveFits().stream().findFirst().orElse(null);

        JsonPath fit = given().auth().oauth2(TestTokens.withRoles("ops"))
                .queryParam("calibrationEnd", "2018-09-30")
                .queryParam("cohortStart", "2018-01-01")
                .queryParam("cohortEnd", "2018-02-01")
                .queryParam("activate", true)
                .post("/models/fit").then().statusCode(200)
                .body("customers", equalTo(300))
                .body("repeatCustomers", equalTo(0))
                .body("cohortStart", equalTo("2018-01-01"))
                .body("cohortEnd", equalTo("2018-02-01"))
                .body("activated", equalTo(false))
                .body("active", equalTo(false))
                .body("refusedBecause", containsString("Gamma-Gamma"))
                .body("gammaGamma.p", nullValue())
                .body("holdout", nullValue())
                .extract().jsonPath();
        assertThat(fit.getBoolean("converged") && !fit.getBoolean("atBound")).as("converged away from the bounds").isFalse();
        assertThat(storedActiveFits()).containsExactlyElementsOf(before == null ? List.of() : List.of(before));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT refusal_reason, active FROM model_fit WHERE id = ?")) {
            s.setLong(1, fit.getLong("id"));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(fit.getString("refusedBecause"));
                assertThat(rs.getBoolean(2)).isFalse();
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void badParametersAreProblems400AndNothingToFitIs409() {
        given().auth().oauth2(TestTokens.withRoles("ops")).queryParam("calibrationEnd", "30.09.2015").post("/models/fit").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("calibrationEnd"))
                .body("detail", containsString("calibrationEnd"));
        given().auth().oauth2(TestTokens.withRoles("ops")).queryParam("calibrationEnd", "2015-09-30")
                .queryParam("holdoutEnd", "2015-09-30").post("/models/fit").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("holdoutEnd"));
        given().auth().oauth2(TestTokens.withRoles("ops")).queryParam("cohortStart", "2015-02-01")
                .queryParam("cohortEnd", "2015-01-01").post("/models/fit").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cohortEnd"));
        given().auth().oauth2(TestTokens.withRoles("ops")).queryParam("calibrationEnd", "1990-01-01").post("/models/fit").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("no counted purchases up to 1990-01-01"));
        given().auth().oauth2(TestTokens.withRoles("marketing")).queryParam("size", 0).get("/models").then()
                .statusCode(400).contentType("application/problem+json");
    }

    /**
     * BG/NBD customers (Gamma(r, alpha) weekly rates, Beta(a, b) dropout after each repeat day) with first purchases
     * over 12 weeks from {@link #FIRST_DAY}, followed to the holdout end; order values Gamma-Gamma (p 6, q 4, gamma 15).
     */
    private static List<SeededOrder> bgNbdPopulation(SplittableRandom random) {
        int lastDayOfData = (int) ChronoUnit.DAYS.between(FIRST_DAY, HOLDOUT_END);
        return Simulation.bgNbdPurchases(random, "fit-sim-", CUSTOMERS, lastDayOfData, R, ALPHA, A, B).stream()
                .map(p -> new SeededOrder(p.customerId(), "o-" + p.orderNo(), noon(FIRST_DAY.plusDays(p.day())), amount(p.amount())))
                .toList();
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static BigDecimal amount(double value) {
        return BigDecimal.valueOf(Math.max(value, 0.01)).setScale(2, RoundingMode.HALF_EVEN);
    }

    private void seed(List<SeededOrder> orders) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO profile_order (customer_id, order_id, occurred_at, net_amount, discounted, items_by_category)
                     VALUES (?, ?, ?, ?, false, '{}'::jsonb)""")) {
            int batch = 0;
            for (SeededOrder order : orders) {
                s.setString(1, order.customerId());
                s.setString(2, order.orderId());
                s.setTimestamp(3, Timestamp.from(order.at()));
                s.setBigDecimal(4, order.amount());
                s.addBatch();
                if (++batch % 1000 == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    private List<Long> storedActiveFits() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM model_fit WHERE active");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** Applies the events as the intake applies a batch from Kafka, at once. */
    private void apply(EventEnvelope<?>... events) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (EventEnvelope<?> e : events) {
            records.add(new ConsumerRecord<>(e.eventType().topic(), 0, 0, e.customerId(), codec.encodeBytes(e)));
        }
        intake.accept("model-fit-resource-test", records, profiles);
    }
}
