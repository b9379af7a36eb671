package org.openretention.loyalty;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.loyalty.ledger.EntryType;
import org.openretention.loyalty.ledger.LedgerEntry;
import org.openretention.loyalty.service.LedgerMaintenance;
import org.openretention.loyalty.service.LoyaltyIntake;
import org.openretention.loyalty.service.MemberQueries;
import org.openretention.platform.messaging.EventIntake;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A referral converts only once the referee's first order has survived its return window. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class ReferralConversionTest {

    private static final Instant T = Instant.parse("2023-03-01T10:00:00Z");

    @Inject
    EventIntake intake;
    @Inject
    LoyaltyIntake loyalty;
    @Inject
    LedgerMaintenance maintenance;
    @Inject
    MemberQueries queries;
    @Inject
    EventCodec codec;

    @Test
    void bothSidesEarnWhenTheFirstOrderSurvivesItsReturnWindow() {
        String referrer = TestEvents.newCustomerId();
        String referee = TestEvents.newCustomerId();
        String code = "RC-" + referrer.substring(referrer.length() - 8);
        // the referee's registration is applied before the referrer's: the link is made when the referrer arrives
        feed(EventEnvelope.of(referee, T.plus(Duration.ofHours(1)), "test",
                new CustomerRegistered(T.plus(Duration.ofHours(1)), null, null, null, null, null, null, null, code, Map.of())));
        feed(EventEnvelope.of(referrer, T, "test", new CustomerRegistered(T, null, null, null, null, null, null, code, null, Map.of())));
        Instant ordered = T.plus(Duration.ofDays(2));
        feed(TestEvents.orderCompleted(referee, "o-first", "50.00", ordered));

        maintenance.runAsOf(ordered.plus(Duration.ofDays(7)).minusSeconds(1)).orElseThrow();
        assertThat(referralPoints(referrer)).as("not before the return window ends").isEmpty();
        assertThat(referralPoints(referee)).isEmpty();

        maintenance.runAsOf(ordered.plus(Duration.ofDays(7))).orElseThrow();
        assertThat(referralPoints(referrer)).containsExactly(500L);
        assertThat(referralPoints(referee)).containsExactly(200L);

        maintenance.runAsOf(ordered.plus(Duration.ofDays(8))).orElseThrow();
        assertThat(referralPoints(referrer)).as("converted once").containsExactly(500L);
    }

    private List<Long> referralPoints(String customer) {
        return queries.ledger(customer, 0, 100).orElseThrow().entries().stream().map(MemberQueries.StoredEntry::entry)
                .filter(e -> e.type() == EntryType.REFERRAL).map(LedgerEntry::points).toList();
    }

    private void feed(EventEnvelope<?> event) {
        intake.accept("referral-test", List.of(new ConsumerRecord<>(event.eventType().topic(), 0, 0, event.customerId(), codec.encodeBytes(event))), loyalty);
    }
}
