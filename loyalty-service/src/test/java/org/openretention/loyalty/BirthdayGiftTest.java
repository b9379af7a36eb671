package org.openretention.loyalty;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.loyalty.ledger.LedgerEntry;
import org.openretention.loyalty.service.LedgerMaintenance;
import org.openretention.loyalty.service.LoyaltyIntake;
import org.openretention.loyalty.service.MemberQueries;
import org.openretention.platform.messaging.EventIntake;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The birthday gift: once a year, in the birthday month, across transactions and job runs. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class BirthdayGiftTest {

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
    void theGiftComesOncePerYearWhateverRunsInBetween() {
        String customer = TestEvents.newCustomerId();
        Instant registered = Instant.parse("2025-02-10T09:00:00Z");
        feed(EventEnvelope.of(customer, registered, "test", new CustomerRegistered(registered, null, null, null,
                LocalDate.of(1990, 3, 14), null, null, null, null, Map.of())));
        // events in the birthday month, in separate transactions, and the job run twice
        feed(EventEnvelope.of(customer, Instant.parse("2025-03-02T08:00:00Z"), "test", InteractionRecorded.checkIn()));
        feed(EventEnvelope.of(customer, Instant.parse("2025-03-20T08:00:00Z"), "test", InteractionRecorded.checkIn()));
        maintenance.runAsOf(Instant.parse("2025-04-01T00:00:00Z")).orElseThrow();
        maintenance.runAsOf(Instant.parse("2025-04-02T00:00:00Z")).orElseThrow();
        feed(EventEnvelope.of(customer, Instant.parse("2026-03-05T08:00:00Z"), "test", InteractionRecorded.checkIn()));

        List<LedgerEntry> gifts = queries.ledger(customer, 0, 100).orElseThrow().entries().stream().map(MemberQueries.StoredEntry::entry)
                .filter(e -> e.reason().equals("BIRTHDAY_GIFT")).toList();
        assertThat(gifts).extracting(LedgerEntry::occurredAt)
                .containsExactlyInAnyOrder(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(gifts).allSatisfy(g -> assertThat(g.points()).isEqualTo(50));
        assertThat(queries.ledger(customer, 0, 100).orElseThrow().entries()).filteredOn(e -> e.entry().reason().equals("CHECK_IN"))
                .as("no check-in was lost to a failed write").hasSize(3);
    }

    private void feed(EventEnvelope<?> event) {
        intake.accept("birthday-test", List.of(new ConsumerRecord<>(event.eventType().topic(), 0, 0, event.customerId(), codec.encodeBytes(event))), loyalty);
    }
}
