package org.openretention.loyalty.member;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventEnvelope;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.loyalty.program.Programme;
import org.openretention.loyalty.program.ProgrammeRepository;
import org.openretention.loyalty.service.LoyaltyIntake;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestEvents;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Members kept in memory between batches are used only while nobody else changed them, and never after a batch
 * that rolled back: the ledger is the same as if every batch had read the member from the database.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class MemberCacheTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    LoyaltyIntake intake;
    @Inject
    MemberReader reader;
    @Inject
    ProgrammeRepository programmes;
    @Inject
    MemberCache cache;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMemberChangedByAnotherWriterIsReadFromTheDatabaseAgain() throws Exception {
        String customer = TestEvents.newCustomerId();
        apply(TestEvents.orderCompleted(customer, "o-1", "100.00", NOW.minus(Duration.ofDays(20))));
        assertThat(cache.checkOut(List.of(customer))).as("kept after the commit").containsKey(customer)
                .extractingByKey(customer).satisfies(e -> cache.checkIn(List.of(e)));

        // another instance (after a rebalance) credits 1,000 points and saves the member with its own version
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO points_lot (id, customer_id, source, reason, cause_id, earned_at, available_at, expires_at, amount, remaining)
                    VALUES (?, ?, 'ADJUST', 'ADJUSTMENT', 'elsewhere', ?, ?, ?, 1000, 1000)""")) {
                s.setObject(1, UUID.randomUUID());
                s.setString(2, customer);
                s.setTimestamp(3, java.sql.Timestamp.from(NOW.minus(Duration.ofDays(19))));
                s.setTimestamp(4, java.sql.Timestamp.from(NOW.minus(Duration.ofDays(19))));
                s.setTimestamp(5, java.sql.Timestamp.from(NOW.plus(Duration.ofDays(300))));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE loyalty_member SET lifetime_points = lifetime_points + 1000, version = version + 1 WHERE customer_id = ?")) {
                s.setString(1, customer);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
        }

        apply(TestEvents.orderCompleted(customer, "o-2", "50.00", NOW.minus(Duration.ofDays(18))));

        MemberSession member = read(customer);
        // 100 + 100 welcome + 1,000 from elsewhere + 50: the stale copy in memory (without the 1,000) was not used
        assertThat(member.member().lifetimePoints()).isEqualTo(1250);
        assertThat(member.account().available(NOW)).isEqualTo(1250);
        assertThat(member.orders()).containsOnlyKeys("o-1", "o-2");
    }

    @Test
    void aBatchThatRolledBackLeavesNothingInMemory() {
        String customer = TestEvents.newCustomerId();
        apply(TestEvents.orderCompleted(customer, "o-1", "100.00", NOW.minus(Duration.ofDays(20))));

        // the batch applies o-2 to the member taken from memory, then fails: it rolls back
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            intake.applyAll(List.of(TestEvents.orderCompleted(customer, "o-2", "70.00", NOW.minus(Duration.ofDays(19)))));
            throw new IllegalStateException("the commit fails");
        })).hasMessageContaining("the commit fails");

        apply(TestEvents.orderCompleted(customer, "o-3", "30.00", NOW.minus(Duration.ofDays(18))));

        MemberSession member = read(customer);
        assertThat(member.orders()).containsOnlyKeys("o-1", "o-3");
        assertThat(member.member().lifetimePoints()).isEqualTo(230);
        assertThat(member.account().available(NOW)).isEqualTo(230);
    }

    @Test
    void aRefundOfAnOrderBeyondWhatIsInMemoryIsNotRejected() {
        String customer = TestEvents.newCustomerId();
        // an order three years ago, then one recent: the member kept in memory holds only the recent one
        apply(TestEvents.orderCompleted(customer, "o-old", "400.00", NOW.minus(Duration.ofDays(3 * 365))));
        apply(TestEvents.orderCompleted(customer, "o-new", "10.00", NOW.minus(Duration.ofDays(20))));

        apply(EventEnvelope.of(customer, NOW.minus(Duration.ofDays(10)), "test",
                new OrderRefunded("o-old", "rf-1", new BigDecimal("400.00"), "CNY", true, "late return")));

        // applied (a refund of an order the programme never saw would have been rejected), not dead-lettered
        MemberSession member = read(customer);
        assertThat(member.orders().get("o-old").status()).isEqualTo(OrderRecord.Status.REFUNDED);
        assertThat(member.orders().get("o-new").status()).isEqualTo(OrderRecord.Status.COMPLETED);
    }

    @Test
    void aSummaryReadsTheMemberFromMemoryOnlyAtTheStoredVersion() throws Exception {
        String customer = TestEvents.newCustomerId();
        apply(TestEvents.orderCompleted(customer, "o-1", "100.00", NOW.minus(Duration.ofDays(20))));
        apply(TestEvents.orderCompleted(customer, "o-2", "40.00", NOW.minus(Duration.ofDays(3))));
        Programme programme = programmes.current();
        Instant since = NOW.atZone(programme.zone()).minusMonths(MemberStore.ORDER_HORIZON_MONTHS).toInstant();

        MemberSession fromMemory = reader.readCached(customer, since, programme);
        assertThat(fromMemory).as("kept after the commit, at the stored version").isNotNull();
        assertThat(fromMemory).usingRecursiveComparison()
                .ignoringFields("account.ids") // the lot id source, a lambda bound to its own session
                .ignoringCollectionOrder()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class) // 100.00 in memory is 100.0000 as stored
                .isEqualTo(reader.readStored(customer, since, programme).orElseThrow());
        assertThat(fromMemory.account().available(NOW)).isEqualTo(200); // o-1 and the welcome bonus; o-2 still pending
        assertThat(fromMemory.account().pending(NOW)).isEqualTo(40);

        // the read's copy is its own: bringing it past the expiry of every lot leaves the kept member as it was
        fromMemory.advanceTo(NOW.plus(Duration.ofDays(800)));
        assertThat(fromMemory.account().available(NOW.plus(Duration.ofDays(800)))).isZero();
        MemberSession again = reader.readCached(customer, since, programme);
        assertThat(again).isNotNull();
        assertThat(again.account().available(NOW)).isEqualTo(200);
        assertThat(again.member().nextRequalificationAt()).isEqualTo(reader.readStored(customer, since, programme).orElseThrow()
                .member().nextRequalificationAt());

        // another writer saved the member: the copy in memory is stale and the read goes to the database
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE loyalty_member SET lifetime_points = lifetime_points + 7, version = version + 1 WHERE customer_id = ?")) {
            s.setString(1, customer);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        assertThat(reader.readCached(customer, since, programme)).isNull();
        assertThat(reader.read(customer, since, programme).orElseThrow().member().lifetimePoints()).isEqualTo(247);

        // a batch saves it again (cached at its version), then checks it out: while a batch holds it, reads go to the database
        apply(TestEvents.orderCompleted(customer, "o-3", "10.00", NOW.minus(Duration.ofDays(1))));
        assertThat(reader.readCached(customer, since, programme)).isNotNull();
        var checkedOut = cache.checkOut(List.of(customer));
        assertThat(checkedOut).containsKey(customer);
        assertThat(checkedOut.get(customer).guard().checkedOut).isTrue();
        assertThat(reader.readCached(customer, since, programme)).isNull();
        assertThat(reader.read(customer, since, programme).orElseThrow().member().lifetimePoints()).isEqualTo(257);
    }

    private void apply(EventEnvelope<?> event) {
        QuarkusTransaction.requiringNew().run(() -> intake.applyAll(List.of(event)));
    }

    private MemberSession read(String customer) {
        Programme programme = programmes.current();
        return reader.read(customer, NOW.minus(Duration.ofDays(5 * 365)), programme).orElseThrow();
    }

}
