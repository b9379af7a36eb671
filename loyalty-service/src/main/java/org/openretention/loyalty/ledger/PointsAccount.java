package org.openretention.loyalty.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A customer's points: the open lots, the debt left by clawbacks of points already spent, and the rules that
 * move points between them, all in event time. Every movement appends an immutable {@link LedgerEntry}; lots are
 * consumed oldest-expiry-first and never below zero. The account holds only open lots (those with points left),
 * which is all any rule needs; callers persist {@link #newEntries()}, {@link #newLots()} and the changed lots.
 *
 * <p>Balances follow from the lots: available as of {@code t} is the points left in lots available and not
 * expired by {@code t}, minus the debt; pending is the points left in lots not yet available. Both equal the sums
 * of the entries by {@code availableAt}, which the ledger's invariant tests check.
 */
public final class PointsAccount {

    private static final Comparator<PointsLot> SPENDING_ORDER = Comparator.comparing(PointsLot::expiresAt)
            .thenComparing(PointsLot::availableAt)
            .thenComparing(PointsLot::id);

    private final String customerId;
    private final ArrayList<PointsLot> lots;
    private final List<PointsLot> newLots = new ArrayList<>();
    private final List<LedgerEntry> newEntries = new ArrayList<>();
    private final Function<Instant, UUID> ids;
    private long debt;
    private Instant advancedTo;

    public PointsAccount(String customerId, long debt, Instant advancedTo, List<PointsLot> openLots, Function<Instant, UUID> ids) {
        this(customerId, debt, new ArrayList<>(openLots), advancedTo, ids);
    }

    /**
     * An account that works on {@code lots} itself, not on a copy (a member kept in memory between batches: the
     * list then lives on, instead of a new copy per batch that the garbage collector has to promote and reclaim).
     */
    public static PointsAccount adopting(String customerId, long debt, Instant advancedTo, ArrayList<PointsLot> lots, Function<Instant, UUID> ids) {
        return new PointsAccount(customerId, debt, lots, advancedTo, ids);
    }

    private PointsAccount(String customerId, long debt, ArrayList<PointsLot> lots, Instant advancedTo, Function<Instant, UUID> ids) {
        if (debt < 0) {
            throw new IllegalArgumentException("debt cannot be negative");
        }
        this.customerId = Objects.requireNonNull(customerId);
        this.debt = debt;
        this.advancedTo = advancedTo;
        this.lots = lots;
        this.ids = ids;
    }

    public static PointsAccount empty(String customerId) {
        return new PointsAccount(customerId, 0, Instant.EPOCH, List.of(), at -> UUID.randomUUID());
    }

    /** One expiry that {@link #advanceTo} carried out: the points of the lots that expired at one instant. */
    public record Expiry(Instant expiredAt, long points, int lots) {
    }

    /**
     * Brings the account to event time {@code t}: lots whose expiry date has come expire (entries dated at their
     * expiry), and debt is settled from lots that have become available.
     */
    public List<Expiry> advanceTo(Instant t) {
        TreeMap<Instant, long[]> expired = new TreeMap<>();
        // most calls expire nothing: find the expired lots first and sort only those
        List<PointsLot> expiring = new ArrayList<>(0);
        for (PointsLot lot : lots) {
            if (lot.remaining() > 0 && lot.isExpiredAt(t)) {
                expiring.add(lot);
            }
        }
        expiring.sort(SPENDING_ORDER);
        for (PointsLot lot : expiring) {
            long points = lot.expire();
            entry(EntryType.EXPIRE, -points, "EXPIRY", "expiry:" + lot.id(), lot.id(), lot.expiresAt(), lot.expiresAt(), null);
            long[] sum = expired.computeIfAbsent(lot.expiresAt(), k -> new long[2]);
            sum[0] += points;
            sum[1]++;
        }
        settleDebt(t);
        moveTo(t);
        List<Expiry> result = new ArrayList<>();
        expired.forEach((at, sum) -> result.add(new Expiry(at, sum[0], (int) sum[1])));
        return result;
    }

    /**
     * Credits points as a new lot. Debt is settled from it first once it is available.
     *
     * @param availableAt when the points become spendable (end of the return window for an order's points)
     */
    public PointsLot credit(EntryType source, String reason, long points, String orderId, String causeId,
                            Instant at, Instant availableAt, Instant expiresAt) {
        requirePositive(points);
        PointsLot lot = new PointsLot(ids.apply(at), customerId, source, reason, orderId, causeId, at, availableAt, expiresAt, points, points, 0, false);
        lots.add(lot);
        newLots.add(lot);
        entry(source, points, reason, causeId, lot.id(), at, availableAt, null);
        settleDebt(at);
        return lot;
    }

    /**
     * Credits points that are available at once and not tied to an order (interactions, gifts), pooling them with
     * an open lot of the same source and expiry, so that daily check-ins do not make a lot each.
     */
    public PointsLot creditPooled(EntryType source, String reason, long points, String causeId, Instant at, Instant expiresAt) {
        requirePositive(points);
        for (PointsLot lot : lots) {
            if (lot.orderId() == null && lot.source() == source && lot.expiresAt().equals(expiresAt)
                    && lot.isAvailableAt(at) && lot.remaining() > 0 && !lot.expiryNotified()) {
                lot.add(points);
                entry(source, points, reason, causeId, lot.id(), at, at, null);
                settleDebt(at);
                return lot;
            }
        }
        return credit(source, reason, points, null, causeId, at, at, expiresAt);
    }

    /** Spends points on a reward, from the lots that expire first. */
    public void redeem(long points, String reason, String causeId, Instant t) {
        requirePositive(points);
        advanceTo(t);
        long available = available(t);
        if (available < points) {
            throw new InsufficientPointsException(points, available);
        }
        consumeAvailable(points, t);
        entry(EntryType.REDEEM, -points, reason, causeId, null, t, t, null);
    }

    /**
     * A manual correction: a positive one credits a lot; a negative one takes from the lots that expire first and,
     * beyond the available points, leaves a debt.
     */
    public PointsLot adjust(long points, String reason, String causeId, String actor, Instant t, Instant expiresAt) {
        if (points == 0) {
            throw new IllegalArgumentException("an adjustment must change the balance");
        }
        advanceTo(t);
        if (points > 0) {
            PointsLot lot = new PointsLot(ids.apply(t), customerId, EntryType.ADJUST, "ADJUSTMENT", null, causeId, t, t, expiresAt, points, points, 0, false);
            lots.add(lot);
            newLots.add(lot);
            entry(EntryType.ADJUST, points, reason, causeId, lot.id(), t, t, actor);
            settleDebt(t);
            return lot;
        }
        long wanted = -points;
        long taken = consumeAvailable(Math.min(wanted, Math.max(0, available(t))), t);
        debt += wanted - taken;
        entry(EntryType.ADJUST, points, reason, causeId, null, t, t, actor);
        return null;
    }

    /**
     * Takes back up to {@code points} of an order's points because it was refunded or cancelled: first from what
     * is left in the order's lots (points still pending stay pending-negative until their release date), then, for
     * points of the order already spent, as debt. Points of the order that expired are gone and are not clawed.
     *
     * @return the points actually clawed back
     */
    public long clawBack(String orderId, long points, String reason, String causeId, Instant t) {
        return clawBack(orderId, lot -> true, points, reason, causeId, t);
    }

    /**
     * As {@link #clawBack(String, long, String, String, Instant)}, from those of the order's lots that {@code from}
     * accepts only; the others are left alone, also when the points have to become debt.
     *
     * @return the points actually clawed back
     */
    public long clawBack(String orderId, Predicate<PointsLot> from, long points, String reason, String causeId, Instant t) {
        if (points <= 0) {
            return 0;
        }
        advanceTo(t);
        long expiredFromOrder = 0;
        long left = points;
        List<PointsLot> orderLots = lots.stream().filter(l -> orderId.equals(l.orderId()) && from.test(l)).sorted(SPENDING_ORDER).toList();
        for (PointsLot lot : orderLots) {
            expiredFromOrder += lot.expired();
            long taken = lot.take(left);
            if (taken > 0) {
                Instant effective = lot.isAvailableAt(t) ? t : lot.availableAt();
                entry(EntryType.CLAWBACK, -taken, reason, causeId, lot.id(), t, effective, null);
                left -= taken;
            }
        }
        // what could not be taken from the lots was spent (or expired, which is not charged)
        long spentShortfall = Math.max(0, left - expiredFromOrder);
        if (spentShortfall > 0) {
            debt += spentShortfall;
            entry(EntryType.CLAWBACK, -spentShortfall, reason, causeId, null, t, t, null);
        }
        return points - left + spentShortfall;
    }

    /** Open lots that expire within {@code horizon} after {@code t} and whose owner was not told yet; marks them told. */
    public List<Expiry> takeExpiringNotices(Instant t, java.time.Duration horizon) {
        TreeMap<Instant, long[]> due = new TreeMap<>();
        Instant until = t.plus(horizon);
        for (PointsLot lot : lots) {
            if (lot.remaining() > 0 && !lot.expiryNotified() && lot.expiresAt().isAfter(t) && !lot.expiresAt().isAfter(until)) {
                lot.markExpiryNotified();
                long[] sum = due.computeIfAbsent(lot.expiresAt(), k -> new long[2]);
                sum[0] += lot.remaining();
                sum[1]++;
            }
        }
        List<Expiry> result = new ArrayList<>();
        due.forEach((at, sum) -> result.add(new Expiry(at, sum[0], (int) sum[1])));
        return result;
    }

    public long available(Instant t) {
        long inLots = lots.stream().filter(l -> l.isAvailableAt(t) && !l.isExpiredAt(t)).mapToLong(PointsLot::remaining).sum();
        return inLots - debt;
    }

    public long pending(Instant t) {
        return lots.stream().filter(l -> !l.isAvailableAt(t)).mapToLong(PointsLot::remaining).sum();
    }

    /** The earliest expiry of available points after {@code t}, with the points that expire then. */
    public java.util.Optional<Expiry> nextExpiry(Instant t) {
        return lots.stream()
                .filter(l -> l.remaining() > 0 && !l.isExpiredAt(t))
                .map(PointsLot::expiresAt)
                .min(Comparator.naturalOrder())
                .map(at -> {
                    List<PointsLot> those = lots.stream().filter(l -> l.remaining() > 0 && l.expiresAt().equals(at)).toList();
                    return new Expiry(at, those.stream().mapToLong(PointsLot::remaining).sum(), those.size());
                });
    }

    private void moveTo(Instant t) {
        if (t.isAfter(advancedTo)) {
            advancedTo = t;
        }
    }

    private void settleDebt(Instant t) {
        if (debt == 0) {
            return;
        }
        debt -= consumeAvailable(debt, t);
    }

    private long consumeAvailable(long points, Instant t) {
        if (points == 0) {
            return 0;
        }
        long left = points;
        for (PointsLot lot : sorted()) {
            if (left == 0) {
                break;
            }
            if (lot.isAvailableAt(t) && !lot.isExpiredAt(t)) {
                left -= lot.take(left);
            }
        }
        return points - left;
    }

    private List<PointsLot> sorted() {
        return lots.stream().sorted(SPENDING_ORDER).toList();
    }

    private void entry(EntryType type, long points, String reason, String causeId, UUID lotId, Instant at, Instant availableAt, String actor) {
        moveTo(at);
        newEntries.add(new LedgerEntry(customerId, type, points, reason, causeId, lotId, at, availableAt, actor));
    }

    private static void requirePositive(long points) {
        if (points <= 0) {
            throw new IllegalArgumentException("points must be positive, was " + points);
        }
    }

    public String customerId() { return customerId; }
    public long debt() { return debt; }
    /** The latest event time the account has been brought to; balances hold as of this time and later. */
    public Instant advancedTo() { return advancedTo; }
    public List<PointsLot> lots() { return java.util.Collections.unmodifiableList(lots); }
    /** The lot list itself, for a member kept in memory after it was saved (see MemberCache); nobody else may use it. */
    public ArrayList<PointsLot> openLotsForCache() { return lots; }
    public List<PointsLot> newLots() { return List.copyOf(newLots); }
    public List<LedgerEntry> newEntries() { return List.copyOf(newEntries); }

    /** Lots loaded from storage whose remaining points or flags changed. */
    public List<PointsLot> changedLots() {
        java.util.Set<PointsLot> fresh = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        fresh.addAll(newLots);
        return lots.stream().filter(l -> l.changed() && !fresh.contains(l)).toList();
    }
}
