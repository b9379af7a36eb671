package org.openretention.segmentation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventEnvelope;
import org.openretention.events.EventPayload;
import org.openretention.events.Topics;
import org.openretention.events.customers.CustomerErased;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.customers.CustomerUpdated;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.loyalty.TierChangeReason;
import org.openretention.events.loyalty.TierChanged;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.platform.messaging.DeadLetters;
import org.openretention.platform.messaging.ProcessedEvents;
import org.openretention.segmentation.service.ProfileIntake;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;
import org.openretention.testkit.TestTokens;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Shop and loyalty events published to real Kafka, read back through the profile API. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class ProfileIntakeTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static KafkaTestClient kafka;

    @Inject
    ProcessedEvents processed;
    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forApplication();
        // the service creates the topics it consumes at start; the shop's and loyalty's may be created here first
        for (String topic : List.of(Topics.CUSTOMERS, Topics.ORDERS, Topics.INTERACTIONS, Topics.LOYALTY_EVENTS)) {
            kafka.createTopicIfMissing(topic, 3);
        }
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static EventEnvelope<?> event(String customer, Instant at, EventPayload payload) {
        return EventEnvelope.of(customer, at, "test", payload);
    }

    private static void publish(EventEnvelope<?> event) {
        kafka.publish(event.eventType().topic(), event);
    }

    private static io.restassured.response.ValidatableResponse profile(String customer) {
        return given().auth().oauth2(TestTokens.withRoles("marketing")).get("/customers/{id}/profile", customer).then();
    }

    private static void awaitProfile(String customer, String path, Object value) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> profile(customer).statusCode(200).body(path, equalTo(value)));
    }

    @Test
    void aProfileIsBuiltFromRegistrationOrdersRefundsInteractionsAndTheLoyaltyTier() {
        String c = TestEvents.newCustomerId();
        // a later locale published before the registration: the event time decides, not the arrival
        publish(event(c, daysAgo(70), new CustomerUpdated(null, null, null, null, "fr-FR", null, null)));
        publish(event(c, daysAgo(100), new CustomerRegistered(daysAgo(100), "a@example.com", "A", null, LocalDate.of(1990, 1, 2),
                "en-GB", "GB", null, null, Map.of())));
        // a partial refund that arrives before its order
        publish(event(c, daysAgo(50), new OrderRefunded("o-1", "r-1", new BigDecimal("30.00"), "CNY", false, "late delivery")));
        publish(event(c, daysAgo(60), new OrderCompleted("o-1", new BigDecimal("200.00"), "CNY", new BigDecimal("20.00"), "SPRING",
                List.of(new OrderItem("B1", "BOOKS", 2, new BigDecimal("60.00")), new OrderItem("T1", "TOYS", 1, new BigDecimal("80.00"))))));
        publish(event(c, daysAgo(30), new OrderCompleted("o-2", new BigDecimal("50.00"), "EUR", BigDecimal.ZERO, null,
                List.of(new OrderItem("B2", "BOOKS", 1, new BigDecimal("50.00"))))));
        publish(event(c, daysAgo(20), new OrderCompleted("o-3", new BigDecimal("100.00"), "CNY", BigDecimal.ZERO, null,
                List.of(new OrderItem("T2", "TOYS", 3, new BigDecimal("33.00"))))));
        publish(event(c, daysAgo(19), new OrderCancelled("o-3", "changed my mind")));
        publish(event(c, daysAgo(40), InteractionRecorded.checkIn()));
        publish(event(c, daysAgo(29), InteractionRecorded.review("B1", "BOOKS", 5, "great", "en", "o-1")));
        publish(event(c, daysAgo(28), InteractionRecorded.onProduct(InteractionKind.LIKE, "B1", "BOOKS")));
        publish(event(c, daysAgo(27), InteractionRecorded.onProduct(InteractionKind.LIKE, "B2", "BOOKS")));
        publish(event(c, daysAgo(26), InteractionRecorded.comment("B1", "BOOKS", "nice", "en")));
        publish(event(c, daysAgo(25), InteractionRecorded.onProduct(InteractionKind.SHARE, "B1", "BOOKS")));
        publish(event(c, daysAgo(31), InteractionRecorded.onProduct(InteractionKind.CART_ADD, "B2", "BOOKS")));
        publish(event(c, daysAgo(10), InteractionRecorded.onProduct(InteractionKind.PRODUCT_VIEW, "B3", "BOOKS")));
        publish(event(c, daysAgo(5), tier("SILVER")));
        publish(event(c, daysAgo(90), tier("MEMBER"))); // older, published later: the tier stays SILVER

        awaitProfile(c, "interactions.productViews", 1);
        awaitProfile(c, "loyaltyTier", "SILVER");
        awaitProfile(c, "orders.count", 2);
        // o-1: 200 - 20 discount - 30 refunded = 150; o-2: 50 EUR at 7.80 = 390; o-3 was cancelled
        awaitProfile(c, "orders.netSpend", 540.00f);
        profile(c).statusCode(200)
                .body("customerId", equalTo(c))
                .body("registeredAt", equalTo(daysAgo(100).toString()))
                .body("locale", equalTo("fr-FR"))
                .body("orders.firstOrderAt", equalTo(daysAgo(60).toString()))
                .body("orders.lastOrderAt", equalTo(daysAgo(30).toString()))
                .body("orders.averageOrderValue", equalTo(270.00f))
                .body("orders.currency", equalTo("CNY"))
                .body("orders.items", equalTo(4))
                .body("discountedOrderShare", equalTo(0.5f))
                .body("repeatPurchase.intervals", equalTo(1))
                .body("repeatPurchase.meanDays", equalTo(30.00f))
                .body("repeatPurchase.medianDays", equalTo(30.0f))
                .body("topCategories.category", equalTo(List.of("BOOKS", "TOYS")))
                .body("topCategories.items", equalTo(List.of(3, 1)))
                .body("topCategories[0].share", equalTo(0.75f))
                .body("interactions.checkIns", equalTo(1))
                .body("interactions.reviews", equalTo(1))
                .body("interactions.likes", equalTo(2))
                .body("interactions.comments", equalTo(1))
                .body("interactions.shares", equalTo(1))
                .body("interactions.cartAdds", equalTo(1))
                .body("lastProductViewWithoutOrderAt", equalTo(daysAgo(10).toString()))
                .body("lastCartAddWithoutOrderAt", nullValue())
                .body("lastEventAt", equalTo(daysAgo(5).toString()))
                .body("orders.rollingFiguresAsOf", equalTo(daysAgo(5).toString()))
                .body("orders.spend12m", equalTo(540.00f))
                .body("orders.ordersLast90d", equalTo(2))
                .body("lifecycle.stage", notNullValue())
                .body("lifecycle.explanation", notNullValue())
                .body("lifecycle.ordersLast90d", equalTo(2));
    }

    @Test
    void eventsDeliveredTwiceCountOnce() {
        String c = TestEvents.newCustomerId();
        EventEnvelope<?> order = TestEvents.orderCompleted(c, "o-1", "100.00", daysAgo(6));
        EventEnvelope<?> refund = event(c, daysAgo(5), new OrderRefunded("o-1", "r-1", new BigDecimal("10.00"), "CNY", false, null));
        EventEnvelope<?> checkIn = event(c, daysAgo(5), InteractionRecorded.checkIn());
        for (EventEnvelope<?> e : List.of(order, refund, refund, checkIn, checkIn, order)) {
            publish(e);
        }
        // published after the repetitions on the same partitions, so applied after them
        publish(TestEvents.orderCompleted(c, "o-2", "50.00", daysAgo(4)));
        publish(event(c, daysAgo(4), InteractionRecorded.onProduct(InteractionKind.LIKE, "S", "BOOKS")));

        awaitProfile(c, "orders.count", 2);
        awaitProfile(c, "interactions.likes", 1);
        profile(c).body("orders.netSpend", equalTo(140.00f)).body("interactions.checkIns", equalTo(1));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicWithTheReason() {
        String key = TestEvents.newCustomerId();
        kafka.send(Topics.ORDERS, key, "{\"type\": \"OrderCompleted\", \"payload\": ");

        ConsumerRecord<String, byte[]> dead = deadLetter(Topics.ORDERS, key);
        assertThat(reason(dead)).startsWith("invalid event");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"type\": \"OrderCompleted\", \"payload\": ");
    }

    @Test
    void anOrderInACurrencyWithoutARateIsDeadLetteredAndTheCustomersNextEventsApply() {
        String c = TestEvents.newCustomerId();
        publish(event(c, daysAgo(3), new OrderCompleted("o-yen", new BigDecimal("5000"), "JPY", BigDecimal.ZERO, null, List.of())));
        publish(TestEvents.orderCompleted(c, "o-1", "80.00", daysAgo(2)));

        ConsumerRecord<String, byte[]> dead = deadLetter(Topics.ORDERS, c);
        assertThat(reason(dead)).contains("rejected by " + ProfileIntake.CONSUMER).contains("JPY");
        awaitProfile(c, "orders.count", 1);
        profile(c).body("orders.netSpend", equalTo(80.00f));
    }

    @Test
    void anErasedCustomerLosesTheProfileAndLateEventsDoNotBringItBack() throws Exception {
        String c = TestEvents.newCustomerId();
        publish(TestEvents.customerRegistered(c, daysAgo(30)));
        publish(TestEvents.orderCompleted(c, "o-1", "100.00", daysAgo(20)));
        awaitProfile(c, "orders.count", 1);
        given().auth().oauth2(TestTokens.withRoles("ops")).queryParam("asOf", NOW.toString()).post("/evaluations").then().statusCode(200);
        assertThat(segmentRows(c)).as("evaluated").isEqualTo(1);

        publish(event(c, daysAgo(1), new CustomerErased(daysAgo(1))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> profile(c).statusCode(404).contentType("application/problem+json"));
        assertThat(segmentRows(c)).as("the segments go with the profile, not at the next evaluation").isZero();

        EventEnvelope<?> late = TestEvents.orderCompleted(c, "o-2", "10.00", daysAgo(25));
        EventEnvelope<?> lateView = event(c, NOW, InteractionRecorded.onProduct(InteractionKind.PRODUCT_VIEW, "S", "BOOKS"));
        publish(late);
        publish(lateView);
        await().atMost(Duration.ofSeconds(60)).until(() -> processed.isProcessed(ProfileIntake.CONSUMER, late.eventId())
                && processed.isProcessed(ProfileIntake.CONSUMER, lateView.eventId()));
        profile(c).statusCode(404);
    }

    private long segmentRows(String customer) throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM customer_segment WHERE customer_id = ?")) {
            s.setString(1, customer);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static TierChanged tier(String to) {
        return new TierChanged(null, to, TierChangeReason.THRESHOLD_CROSSED, new BigDecimal("2000.00"), "CNY", null);
    }

    private static ConsumerRecord<String, byte[]> deadLetter(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil(Topics.deadLetterTopicOf(topic), Duration.ofSeconds(60),
                records -> records.stream().anyMatch(r -> key.equals(r.key())));
        return dead.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("nothing of " + key + " in " + Topics.deadLetterTopicOf(topic)));
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(DeadLetters.REASON);
        assertThat(header).as("the dead letter's reason").isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
