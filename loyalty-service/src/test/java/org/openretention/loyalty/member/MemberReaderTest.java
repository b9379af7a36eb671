package org.openretention.loyalty.member;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.loyalty.program.Programme;
import org.openretention.loyalty.program.ProgrammeRepository;
import org.openretention.loyalty.service.LoyaltyIntake;
import org.openretention.platform.messaging.EventIntake;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-round-trip read of the member summary gives the member MemberStore's load for work that saves gives. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class MemberReaderTest {

    @Inject
    MemberReader reader;
    @Inject
    MemberStore store;
    @Inject
    MemberCache cache;
    @Inject
    ProgrammeRepository programmes;
    @Inject
    EventIntake intake;
    @Inject
    LoyaltyIntake loyalty;
    @Inject
    EventCodec codec;

    @Test
    void readsWhatTheMemberStoreReads() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String customer = TestEvents.newCustomerId();
        feed(List.of(
                TestEvents.customerRegistered(customer, now.minus(Duration.ofDays(1000))),
                TestEvents.orderCompleted(customer, "o-old", "500.00", now.minus(Duration.ofDays(900))),
                TestEvents.orderCompleted(customer, "o-1", "1200.00", now.minus(Duration.ofDays(400))),
                TestEvents.orderCompleted(customer, "o-2", "800.00", now.minus(Duration.ofDays(40))),
                EventEnvelope.of(customer, now.minus(Duration.ofDays(35)), "test",
                        new OrderRefunded("o-2", "rf-1", new BigDecimal("200.00"), "CNY", false, "damaged")),
                EventEnvelope.of(customer, now.minus(Duration.ofDays(3)), "test", InteractionRecorded.checkIn()),
                TestEvents.orderCompleted(customer, "o-3", "99.90", now.minus(Duration.ofDays(2)))));

        Programme programme = programmes.current();
        Instant since = now.atZone(programme.zone()).minusMonths(25).toInstant();
        Optional<MemberSession> read = reader.read(customer, since, programme);
        // the member was saved by this instance just now: the summary read it from memory
        assertThat(reader.readCached(customer, since, programme)).as("read from memory").isNotNull();
        Optional<MemberSession> stored = reader.readStored(customer, since, programme);

        // what intake, maintenance and API changes load, from the database (not from memory), in a transaction that
        // saves nothing; without activity counters (the summary does not show them)
        cache.forget(customer);
        MemberSession expected = QuarkusTransaction.requiringNew().call(() ->
                store.load(List.of(customer), since, java.util.Map.of(), null, programme).get(customer));

        assertThat(expected).isNotNull();
        assertThat(expected.orders()).as("orders in the window").containsOnlyKeys("o-1", "o-2", "o-3");
        assertThat(expected.account().lots()).as("open lots").isNotEmpty();
        assertThat(expected.member().birthday()).isNotNull();
        assertThat(read).isPresent();
        assertThat(read.get()).usingRecursiveComparison()
                .ignoringFields("account.ids", // the lot id source, a lambda bound to its own session
                        "ordersFrom")  // how far back a session for saving holds orders, for the cache it is kept in
                .ignoringCollectionOrder()     // open lots come in no particular order from either
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class) // 100.00 kept in memory is 100.0000 as stored
                .isEqualTo(expected);
        // and read from the database by the summary's query, it is the same
        assertThat(stored).get().usingRecursiveComparison()
                .ignoringFields("account.ids", "ordersFrom")
                .ignoringCollectionOrder()
                .isEqualTo(expected);

        // and both bring the member to now alike
        expected.advanceTo(now);
        read.get().advanceTo(now);
        assertThat(read.get().account().available(now)).isEqualTo(expected.account().available(now));
        assertThat(read.get().account().pending(now)).isEqualTo(expected.account().pending(now));
        assertThat(read.get().qualifyingSpend(now)).isEqualByComparingTo(expected.qualifyingSpend(now));
    }

    @Test
    void aCustomerWhoIsNoMemberIsEmpty() {
        Programme programme = programmes.current();
        assertThat(reader.read(TestEvents.newCustomerId(), Instant.now().minus(Duration.ofDays(800)), programme)).isEmpty();
    }

    private void feed(List<EventEnvelope<?>> events) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        long offset = 0;
        for (EventEnvelope<?> e : events) {
            batch.add(new ConsumerRecord<>(e.eventType().topic(), 0, offset++, e.customerId(), codec.encodeBytes(e)));
        }
        intake.accept("member-reader-test", batch, loyalty);
    }
}
