package org.openretention.segmentation.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.platform.messaging.EventIntake;
import org.openretention.segmentation.service.ProfileIntake;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

/** {@code GET /customers/{customerId}/profile} as a client sees it (401 and 403: SegmentationApiContractTest). */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class ProfileResourceTest {

    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @Inject
    EventIntake intake;
    @Inject
    ProfileIntake profiles;
    @Inject
    EventCodec codec;

    /** Applies the events as the intake applies a batch from Kafka, at once. */
    private void apply(EventEnvelope<?>... events) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (EventEnvelope<?> e : events) {
            records.add(new ConsumerRecord<>(e.eventType().topic(), 0, 0, e.customerId(), codec.encodeBytes(e)));
        }
        intake.accept("profile-resource-test", records, profiles);
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void aRecentlyRegisteredCustomerIsNewAndOneWhoNeverOrderedIsAProspectLater() {
        String fresh = TestEvents.newCustomerId();
        String old = TestEvents.newCustomerId();
        apply(TestEvents.customerRegistered(fresh, daysAgo(10)), TestEvents.customerRegistered(old, daysAgo(45)));

        given().auth().oauth2(TestTokens.withRoles("support")).get("/customers/{id}/profile", fresh).then()
                .statusCode(200).contentType("application/json")
                .body("customerId", equalTo(fresh))
                .body("locale", equalTo("en-GB"))
                .body("orders.count", equalTo(0))
                .body("orders.firstOrderAt", nullValue())
                .body("orders.netSpend", equalTo(0.00f))
                .body("repeatPurchase.intervals", equalTo(0))
                .body("repeatPurchase.medianDays", nullValue())
                .body("topCategories", emptyIterable())
                .body("lifecycle.stage", equalTo("NEW"))
                .body("lifecycle.explanation", equalTo("Registered 10 days ago (new for 30 days)."));
        given().auth().oauth2(TestTokens.withRoles("marketing")).get("/customers/{id}/profile", old).then()
                .statusCode(200)
                .body("lifecycle.stage", equalTo("PROSPECT"))
                .body("lifecycle.explanation", equalTo("Registered 45 days ago and never ordered (prospect after 30 days)."));
    }

    @Test
    void theStoredRollingFiguresCountBackFromTheLastEventAndTheStageFromNow() {
        String c = TestEvents.newCustomerId();
        apply(TestEvents.orderCompleted(c, "o-1", "10.00", daysAgo(100)),
                EventEnvelope.of(c, daysAgo(20), "test", InteractionRecorded.onProduct(InteractionKind.PRODUCT_VIEW, "S", "BOOKS")));

        given().auth().oauth2(TestTokens.withRoles("marketing")).get("/customers/{id}/profile", c).then()
                .statusCode(200)
                .body("registeredAt", nullValue())
                .body("orders.count", equalTo(1))
                .body("orders.ordersLast90d", equalTo(1))
                .body("orders.rollingFiguresAsOf", equalTo(daysAgo(20).toString()))
                .body("lastProductViewWithoutOrderAt", equalTo(daysAgo(20).toString()))
                .body("lifecycle.ordersLast90d", equalTo(0))
                .body("lifecycle.spend12m", equalTo(10.00f))
                .body("lifecycle.stage", equalTo("REGULAR"))
                .body("lifecycle.explanation", equalTo("Last order 100 days ago, 0 orders in the last 90 days: no other stage applies."));
    }

    @Test
    void anUnknownCustomerIsAProblem404() {
        given().auth().oauth2(TestTokens.withRoles("marketing")).get("/customers/{id}/profile", "c-nobody-" + NOW.toEpochMilli()).then()
                .statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("https://openretention.org/problems/not-found"))
                .body("detail", containsString("c-nobody-"));
    }
}
