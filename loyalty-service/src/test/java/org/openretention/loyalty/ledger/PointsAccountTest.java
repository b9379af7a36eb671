package org.openretention.loyalty.ledger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PointsAccountTest {

    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(7);

    private final PointsAccount account = PointsAccount.empty("c-1");

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    private PointsLot orderPoints(String orderId, long points, Instant at, Instant expiresAt) {
        return account.credit(EntryType.EARN, "ORDER", points, orderId, "evt-" + orderId, at, at.plus(WINDOW), expiresAt);
    }

    @AfterEach
    void ledgerInvariantHolds() {
        List<LedgerEntry> entries = account.newEntries();
        // the account is current state: balances "as of t" hold from the last movement on
        Instant last = account.advancedTo();
        for (Instant t : List.of(last, last.plus(Duration.ofDays(3)), last.plus(Duration.ofDays(8)),
                last.plus(Duration.ofDays(40)), last.plus(Duration.ofDays(400)), last.plus(Duration.ofDays(800)))) {
            account.advanceTo(t);
            long availableFromEntries = account.newEntries().stream().filter(e -> !e.availableAt().isAfter(t)).mapToLong(LedgerEntry::points).sum();
            long pendingFromEntries = account.newEntries().stream().filter(e -> e.availableAt().isAfter(t)).mapToLong(LedgerEntry::points).sum();
            assertThat(account.available(t)).as("available at %s = sum of entries", t).isEqualTo(availableFromEntries);
            assertThat(account.pending(t)).as("pending at %s", t).isEqualTo(pendingFromEntries);
        }
        assertThat(entries).allSatisfy(e -> assertThat(e.customerId()).isEqualTo("c-1"));
        assertThat(account.lots()).allSatisfy(l -> {
            assertThat(l.remaining()).isBetween(0L, l.amount());
            assertThat(l.remaining() + l.expired()).isLessThanOrEqualTo(l.amount());
        });
    }

    @Test
    void anOrdersPointsArePendingUntilTheReturnWindowEnds() {
        orderPoints("o-1", 100, T0, day(365));

        assertThat(account.available(day(6))).isZero();
        assertThat(account.pending(day(6))).isEqualTo(100);
        assertThat(account.available(day(7))).isEqualTo(100);
        assertThat(account.pending(day(7))).isZero();
    }

    @Test
    void redemptionConsumesTheLotsThatExpireFirst() {
        PointsLot late = account.credit(EntryType.BONUS, "GIFT", 50, null, "g-late", T0, T0, day(300));
        PointsLot early = account.credit(EntryType.BONUS, "GIFT", 50, null, "g-early", T0, T0, day(100));

        account.redeem(70, "REWARD", "r-1", day(1));

        assertThat(early.remaining()).isZero();
        assertThat(late.remaining()).isEqualTo(30);
        assertThat(account.available(day(1))).isEqualTo(30);
    }

    @Test
    void pendingPointsCannotBeRedeemed() {
        orderPoints("o-1", 100, T0, day(365));

        assertThatThrownBy(() -> account.redeem(10, "REWARD", "r-1", day(2)))
                .isInstanceOf(InsufficientPointsException.class)
                .hasMessageContaining("0 available");
    }

    @Test
    void lotsExpireAtTheirExpiryWithAnEntryDatedThen() {
        account.credit(EntryType.BONUS, "GIFT", 40, null, "g-1", T0, T0, day(30));
        account.credit(EntryType.BONUS, "GIFT", 60, null, "g-2", T0, T0, day(60));

        List<PointsAccount.Expiry> expired = account.advanceTo(day(45));

        assertThat(expired).containsExactly(new PointsAccount.Expiry(day(30), 40, 1));
        assertThat(account.available(day(45))).isEqualTo(60);
        LedgerEntry entry = account.newEntries().get(account.newEntries().size() - 1);
        assertThat(entry.type()).isEqualTo(EntryType.EXPIRE);
        assertThat(entry.points()).isEqualTo(-40);
        assertThat(entry.occurredAt()).isEqualTo(day(30));
        assertThat(account.advanceTo(day(46))).as("expiry happens once").isEmpty();
    }

    @Test
    void aPartialRefundWhilePendingReducesThePendingPoints() {
        orderPoints("o-1", 100, T0, day(365));

        account.clawBack("o-1", 25, "REFUND", "refund-1", day(2));

        assertThat(account.pending(day(2))).isEqualTo(75);
        assertThat(account.available(day(2))).isZero();
        assertThat(account.available(day(7))).isEqualTo(75);
    }

    @Test
    void clawingBackSpentPointsLeavesANegativeBalanceThatLaterEarningsSettleFirst() {
        orderPoints("o-1", 100, T0, day(365));
        account.redeem(80, "REWARD", "r-1", day(8));

        long clawed = account.clawBack("o-1", 100, "REFUND", "refund-1", day(9));

        assertThat(clawed).isEqualTo(100);
        assertThat(account.available(day(9))).isEqualTo(-80);
        assertThat(account.debt()).isEqualTo(80);

        account.creditPooled(EntryType.EARN, "CHECK_IN", 5, "ci-1", day(10), day(400));
        assertThat(account.available(day(10))).isEqualTo(-75);

        orderPoints("o-2", 200, day(10), day(375));
        assertThat(account.available(day(16))).as("pending points do not settle debt yet").isEqualTo(-75);
        account.advanceTo(day(17));
        assertThat(account.available(day(17))).isEqualTo(125);
        assertThat(account.debt()).isZero();
    }

    @Test
    void expiredPointsOfARefundedOrderAreNotChargedBack() {
        orderPoints("o-1", 100, T0, day(30));
        account.advanceTo(day(31));

        long clawed = account.clawBack("o-1", 100, "REFUND", "refund-1", day(32));

        assertThat(clawed).isZero();
        assertThat(account.available(day(32))).isZero();
    }

    @Test
    void clawbacksOnlyTouchTheRefundedOrdersLots() {
        orderPoints("o-1", 100, T0, day(365));
        orderPoints("o-2", 100, T0, day(365));

        account.clawBack("o-1", 100, "REFUND", "refund-1", day(8));

        assertThat(account.available(day(8))).isEqualTo(100);
        assertThat(account.lots()).filteredOn(l -> l.orderId().equals("o-2")).singleElement()
                .extracting(PointsLot::remaining).isEqualTo(100L);
    }

    @Test
    void aClawbackCanSpareSomeOfTheOrdersLots() {
        orderPoints("o-1", 200, T0, day(365));
        PointsLot bonus = account.credit(EntryType.BONUS, "WELCOME_BONUS", 100, "o-1", "evt-o-1", T0, T0.plus(WINDOW), day(365));

        long clawed = account.clawBack("o-1", lot -> lot != bonus, 150, "REFUND", "refund-1", day(8));

        assertThat(clawed).isEqualTo(150);
        assertThat(bonus.remaining()).as("the spared lot").isEqualTo(100);
        assertThat(account.available(day(8))).isEqualTo(150);

        // beyond what the other lots hold, the spared lot is still not touched: the rest becomes debt
        account.clawBack("o-1", lot -> lot != bonus, 80, "REFUND", "refund-2", day(9));

        assertThat(bonus.remaining()).isEqualTo(100);
        assertThat(account.debt()).isEqualTo(30);
        assertThat(account.available(day(9))).isEqualTo(70);
    }

    @Test
    void checkInsPoolIntoOneLotPerExpiry() {
        for (int d = 0; d < 20; d++) {
            account.creditPooled(EntryType.EARN, "CHECK_IN", 5, "ci-" + d, day(d), day(400));
        }
        assertThat(account.newLots()).hasSize(1);
        assertThat(account.available(day(20))).isEqualTo(100);
        assertThat(account.newEntries()).hasSize(20);
    }

    @Test
    void negativeAdjustmentBeyondTheBalanceIsDebt() {
        account.credit(EntryType.BONUS, "GIFT", 30, null, "g-1", T0, T0, day(300));

        account.adjust(-50, "duplicate gift", "adj-1", "admin@shop", day(1), day(300));

        assertThat(account.available(day(1))).isEqualTo(-20);
        LedgerEntry adjustment = account.newEntries().get(account.newEntries().size() - 1);
        assertThat(adjustment.actor()).isEqualTo("admin@shop");
        assertThat(adjustment.points()).isEqualTo(-50);
    }

    @Test
    void expiryNoticesAreTakenOncePerLot() {
        account.credit(EntryType.BONUS, "GIFT", 40, null, "g-1", T0, T0, day(100));
        account.credit(EntryType.BONUS, "GIFT", 10, null, "g-2", T0, T0, day(100));
        account.credit(EntryType.BONUS, "GIFT", 60, null, "g-3", T0, T0, day(200));

        List<PointsAccount.Expiry> notices = account.takeExpiringNotices(day(75), Duration.ofDays(30));

        assertThat(notices).containsExactly(new PointsAccount.Expiry(day(100), 50, 2));
        assertThat(account.takeExpiringNotices(day(76), Duration.ofDays(30))).isEmpty();
    }

    @Test
    void replayingTheSameOperationsGivesTheSameBalances() {
        List<Long> first = run(PointsAccount.empty("c-1"));
        List<Long> second = run(PointsAccount.empty("c-1"));
        assertThat(second).isEqualTo(first);
    }

    private static List<Long> run(PointsAccount a) {
        a.credit(EntryType.EARN, "ORDER", 120, "o-1", "e1", T0, T0.plus(WINDOW), day(365));
        a.creditPooled(EntryType.EARN, "CHECK_IN", 5, "e2", day(1), day(380));
        a.clawBack("o-1", 30, "REFUND", "e3", day(3));
        a.advanceTo(day(400));
        List<Long> balances = new ArrayList<>();
        for (Instant t : List.of(day(2), day(10), day(370), day(400))) {
            balances.add(a.available(t));
            balances.add(a.pending(t));
        }
        return balances;
    }
}
