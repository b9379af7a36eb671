package org.openretention.segmentation.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.customers.CustomerErased;
import org.openretention.events.feedback.ComplaintFiled;
import org.openretention.events.feedback.ComplaintResolved;
import org.openretention.events.feedback.ComplaintSeverity;
import org.openretention.events.feedback.ComplaintSource;
import org.openretention.events.feedback.CsatRecorded;
import org.openretention.events.feedback.NpsCategory;
import org.openretention.events.feedback.NpsRecorded;
import org.openretention.events.feedback.RootCause;
import org.openretention.segmentation.store.CustomerFeedbackEntity;
import org.openretention.testkit.KafkaTestClient;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** feedback-events on real Kafka: the latest answers win by answer time, complaints count while unresolved, erasure holds. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class FeedbackSignalsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.forApplication();
        kafka.createTopicIfMissing(Topics.FEEDBACK_EVENTS, 3);
        kafka.createTopicIfMissing(Topics.CUSTOMERS, 3);
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void theLatestAnswersAndTheUnresolvedComplaintsAreKept() {
        String customer = TestEvents.newCustomerId();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        publish(customer, t, new NpsRecorded(1, 3, NpsCategory.DETRACTOR, null, null, t));
        publish(customer, t, new NpsRecorded(2, 9, NpsCategory.PROMOTER, null, null, t.minus(Duration.ofDays(3)))); // older: ignored
        publish(customer, t, new CsatRecorded(3, 4, true, "DELIVERY", null, null, t));
        publish(customer, t, complaintFiled(10));
        publish(customer, t, complaintFiled(11));
        publish(customer, t, complaintFiled(11)); // the same complaint reported twice (another event id) counts once
        publish(customer, t, new ComplaintResolved(10, ComplaintSeverity.NORMAL, RootCause.LOGISTICS, null, t, true));
        // a marker after the others on the customer's partition: once it is applied, so are they
        publish(customer, t, new CsatRecorded(4, 2, false, "SUPPORT", null, null, t.plusSeconds(1)));

        await().atMost(WAIT).until(() -> feedback(customer) != null && "SUPPORT".equals(feedback(customer).csatTouchpoint));
        CustomerFeedbackEntity f = feedback(customer);
        assertThat(f.npsScore).isEqualTo((short) 3);
        assertThat(f.npsAt).isEqualTo(t);
        assertThat(f.csatScore).isEqualTo((short) 2);
        assertThat(f.openComplaints).isEqualTo(1);
    }

    @Test
    void anErasedCustomersFeedbackGoesAndDoesNotComeBack() {
        String customer = TestEvents.newCustomerId();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<UUID> events = new ArrayList<>();
        events.add(publish(customer, t, new NpsRecorded(5, 1, NpsCategory.DETRACTOR, null, null, t)));
        events.add(publish(customer, t, complaintFiled(20)));
        await().atMost(WAIT).until(() -> feedback(customer) != null && feedback(customer).openComplaints == 1);

        kafka.publish(Topics.CUSTOMERS, EventEnvelope.of(customer, t, "shop-backend", new CustomerErased(t)));
        await().atMost(WAIT).until(() -> feedback(customer) == null);
        // events still in flight for them change nothing: a later answer is not kept, nor a complaint
        events.add(publish(customer, t, new NpsRecorded(6, 2, NpsCategory.DETRACTOR, null, null, t.plusSeconds(5))));
        events.add(publish(customer, t, complaintFiled(21)));
        // the use case claims each event in the transaction that applies it: once all four are claimed, all were applied
        await().atMost(WAIT).until(() -> claimed(events) == events.size());
        assertThat(feedback(customer)).isNull();
        assertThat(openComplaintRows(customer)).isZero();
    }

    private static ComplaintFiled complaintFiled(long id) {
        return new ComplaintFiled(id, ComplaintSeverity.NORMAL, ComplaintSource.MANUAL, "PHONE", null, List.of(), Instant.now().plusSeconds(7200));
    }

    private static UUID publish(String customer, Instant at, org.openretention.events.EventPayload payload) {
        EventEnvelope<?> event = EventEnvelope.of(customer, at, "feedback-service", payload);
        kafka.publish(Topics.FEEDBACK_EVENTS, event);
        return event.eventId();
    }

    private static CustomerFeedbackEntity feedback(String customer) {
        return QuarkusTransaction.requiringNew().call(() -> CustomerFeedbackEntity.findById(customer));
    }

    private static long openComplaintRows(String customer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM customer_open_complaint WHERE customer_id = :c").setParameter("c", customer)
                .getSingleResult()).longValue());
    }

    /** How many of {@code events} the feedback use case has applied (its processed-event claims). */
    private static long claimed(List<UUID> events) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM platform_processed_event WHERE consumer = :c AND event_id IN (:ids)")
                .setParameter("c", FeedbackSignals.CONSUMER).setParameter("ids", events).getSingleResult()).longValue());
    }
}
