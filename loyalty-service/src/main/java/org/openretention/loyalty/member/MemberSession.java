package org.openretention.loyalty.member;

import org.openretention.events.EventEnvelope;
import org.openretention.events.EventPayload;
import org.openretention.events.EventType;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.customers.CustomerUpdated;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.loyalty.PointsEarned;
import org.openretention.events.loyalty.PointsExpired;
import org.openretention.events.loyalty.PointsExpiring;
import org.openretention.events.loyalty.PointsSource;
import org.openretention.events.loyalty.ReferralConverted;
import org.openretention.events.loyalty.TierChangeReason;
import org.openretention.events.loyalty.TierChanged;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.loyalty.ledger.EntryType;
import org.openretention.loyalty.ledger.PointsAccount;
import org.openretention.loyalty.ledger.PointsLot;
import org.openretention.loyalty.program.EarningPolicy;
import org.openretention.loyalty.program.EarningTrigger;
import org.openretention.loyalty.program.Programme;
import org.openretention.loyalty.program.Tier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One member's loyalty state while a batch of work is applied to it: the member, the points account, the
 * orders of the last year, activity counters and the member's own referral. Every rule runs in event time:
 * before an event at {@code t} is applied the member is brought to {@code t} (expiry, requalification, birthday
 * gifts), so replaying history gives the ledger live processing gives. Events to publish collect in
 * {@link #outbox()}; their ids derive from their cause, so a replay publishes the same ids.
 */
public final class MemberSession {

    /** The reason of the welcome bonus's lot and entry. */
    private static final String WELCOME_BONUS = "WELCOME_BONUS";

    private final Member member;
    private final PointsAccount account;
    private final HashMap<String, OrderRecord> orders;
    private final Map<String, Integer> activity;
    private final Map<String, Integer> changedActivity = new HashMap<>();
    private final Programme programme;
    private final List<EventEnvelope<?>> outbox = new ArrayList<>();
    private Referral referral;
    private String cause = "init";
    private int sequence;
    private boolean isNew;
    /** Orders after this instant are all in {@link #orders} (null: all of them); see MemberCache. */
    Instant ordersFrom;

    MemberSession(Member member, long debt, Instant advancedTo, List<PointsLot> openLots, Map<String, OrderRecord> orders,
                  Map<String, Integer> activity, Referral referral, Programme programme) {
        this(member, debt, advancedTo, new ArrayList<>(openLots), new HashMap<>(orders), activity, referral, programme, null);
    }

    /** Works on {@code lots} and {@code orders} themselves, not on copies (see {@link #adopt}). */
    private MemberSession(Member member, long debt, Instant advancedTo, ArrayList<PointsLot> lots, HashMap<String, OrderRecord> orders,
                          Map<String, Integer> activity, Referral referral, Programme programme, Instant ordersFrom) {
        this.member = member;
        this.orders = orders;
        this.activity = new HashMap<>(activity);
        this.referral = referral;
        this.programme = programme;
        this.account = PointsAccount.adopting(member.customerId, debt, advancedTo, lots, this::nextId);
        this.ordersFrom = ordersFrom;
    }

    /** Restores a member kept in memory, taking over its collections (see MemberCache). */
    static MemberSession adopt(MemberCache.Entry cached, Map<String, Integer> activity, Referral referral, Programme programme) {
        return new MemberSession(cached.member(), cached.debt(), cached.advancedTo(), cached.lots(), cached.orders(),
                activity, referral, programme, cached.ordersFrom());
    }

    /** Restores a stored member (see MemberStore). */
    public static MemberSession restore(Member member, long debt, Instant advancedTo, List<PointsLot> openLots,
                                        Map<String, OrderRecord> orders, Map<String, Integer> activity, Referral referral, Programme programme) {
        return new MemberSession(member, debt, advancedTo, openLots, orders, activity, referral, programme);
    }

    /** A member seen for the first time at {@code t}, in the entry tier. */
    public static MemberSession enrol(String customerId, Instant time, Programme programme, String causeId) {
        Instant t = micros(time);
        Tier entry = programme.tiers().entryTier();
        Member member = new Member(customerId, t, false, null, null, entry.name(), t, nextAnniversary(t, t), 0, null, null);
        MemberSession session = new MemberSession(member, 0, t, List.of(), Map.of(), Map.of(), null, programme);
        session.isNew = true;
        session.cause = causeId;
        session.publish(t, new TierChanged(null, entry.name(), TierChangeReason.THRESHOLD_CROSSED, BigDecimal.ZERO, programme.currency(), member.nextRequalificationAt));
        return session;
    }

    // ---------------------------------------------------------------- events

    /**
     * Applies a shop event at its event time.
     *
     * @throws EventRejected for an event that can never be applied to this member
     */
    public void apply(EventEnvelope<?> event) {
        cause = event.eventId().toString();
        sequence = 0;
        Instant t = micros(event.occurredAt());
        advanceTo(t);
        switch (event.payload()) {
            case CustomerRegistered registered -> onRegistered(registered, t);
            case CustomerUpdated updated -> onUpdated(updated);
            case OrderCompleted order -> onOrderCompleted(order, t);
            case OrderRefunded refund -> onRefund(refund.orderId(), refund.refundAmount(), refund.fullRefund(), "REFUND", t);
            case OrderCancelled cancelled -> onRefund(cancelled.orderId(), null, true, "CANCELLATION", t);
            case InteractionRecorded interaction -> onInteraction(interaction, t);
            default -> {
                // CustomerErased is handled by the store, which removes the member altogether
            }
        }
    }

    private void onRegistered(CustomerRegistered registered, Instant t) {
        member.registered = true;
        if (registered.registeredAt() != null && registered.registeredAt().isBefore(member.enrolledAt)) {
            member.enrolledAt = registered.registeredAt();
            member.nextRequalificationAt = nextAnniversary(member.enrolledAt, t);
        }
        if (registered.birthday() != null) {
            member.birthday = registered.birthday();
        }
        if (member.referralCode == null) {
            member.referralCode = registered.referralCode() != null ? registered.referralCode() : ReferralCodes.of(member.customerId);
            member.referralCodeAssigned = true;
        }
        String code = registered.referredByCode();
        if (code != null && referral == null && !code.equals(member.referralCode)) {
            referral = new Referral(member.customerId, code, null, t, Referral.Status.INVITED, null, null, null, 0, 0);
            referral.changed = true;
        }
    }

    private void onUpdated(CustomerUpdated updated) {
        if (updated.birthday() != null) {
            member.birthday = updated.birthday();
        }
    }

    private void onOrderCompleted(OrderCompleted order, Instant t) {
        if (orders.containsKey(order.orderId())) {
            return; // the same order announced twice under another event id: points once per order
        }
        Tier tier = tier();
        EarningPolicy.Earning earning = programme.earning().forOrder(order, tier, t);
        Instant releasedAt = t.plus(programme.returnWindow());
        Instant expiresAt = programme.expiryFor(t);
        long total = 0;
        long welcomePoints = 0;
        if (earning.points() > 0) {
            total += credit(EntryType.EARN, "ORDER", earning.points(), order.orderId(), t, releasedAt, expiresAt);
        }
        if (earning.bonusPoints() > 0) {
            total += credit(EntryType.BONUS, "PROMOTION", earning.bonusPoints(), order.orderId(), t, releasedAt, expiresAt);
        }
        if (member.welcomeBonusOrderId == null) {
            member.welcomeBonusOrderId = order.orderId();
            long welcome = programme.rules().welcomeBonusPoints();
            if (welcome > 0) {
                welcomePoints = credit(EntryType.BONUS, WELCOME_BONUS, welcome, order.orderId(), t, releasedAt, expiresAt);
                total += welcomePoints;
            }
        }
        OrderRecord record = new OrderRecord(order.orderId(), member.customerId, t, order.currency(), order.netAmount(),
                programme.inProgrammeCurrency(order.netAmount(), order.currency()), BigDecimal.ZERO, total, welcomePoints, 0,
                OrderRecord.Status.COMPLETED);
        record.changed = true;
        record.fresh = true;
        orders.put(order.orderId(), record);

        BigDecimal spend = qualifyingSpend(t);
        programme.tiers().upgrade(tier, spend).ifPresent(better -> changeTier(better, TierChangeReason.THRESHOLD_CROSSED, spend, t));

        if (referral != null && referral.status == Referral.Status.INVITED && referral.qualifyingOrderId == null) {
            referral.qualifyingOrderId = order.orderId();
            referral.convertsAt = releasedAt;
            referral.changed = true;
        }
    }

    private void onRefund(String orderId, BigDecimal refundAmount, boolean full, String reason, Instant t) {
        OrderRecord order = orders.get(orderId);
        if (order == null) {
            throw new EventRejected("refund or cancellation of order " + orderId + ", which this programme never saw completed");
        }
        if (full || refundAmount == null) {
            order.refundedAmount = order.netAmount;
        } else {
            order.refundedAmount = order.refundedAmount.add(refundAmount).min(order.netAmount);
        }
        // a refund takes its share of the order's own points; the welcome bonus the order carried goes only with
        // the order's last money (docs/loyalty.md)
        boolean whollyRefunded = full || order.netAmount.signum() <= 0 || order.refundedAmount.compareTo(order.netAmount) >= 0;
        long target = whollyRefunded ? order.points
                : BigDecimal.valueOf(order.points - order.welcomePoints).multiply(order.refundedAmount)
                        .divide(order.netAmount, 0, RoundingMode.DOWN).longValueExact();
        long delta = Math.max(0, target - order.pointsClawed);
        long clawed = whollyRefunded ? account.clawBack(orderId, delta, reason, cause, t)
                : account.clawBack(orderId, lot -> !WELCOME_BONUS.equals(lot.reason()), delta, reason, cause, t);
        order.pointsClawed += delta;
        member.lifetimePoints -= clawed;
        order.status = "CANCELLATION".equals(reason) ? OrderRecord.Status.CANCELLED
                : order.refundedAmount.compareTo(order.netAmount) >= 0 ? OrderRecord.Status.REFUNDED : OrderRecord.Status.PARTIALLY_REFUNDED;
        order.changed = true;
        if (referral != null && referral.status == Referral.Status.INVITED && orderId.equals(referral.qualifyingOrderId)
                && order.status != OrderRecord.Status.PARTIALLY_REFUNDED && t.isBefore(referral.convertsAt)) {
            // the qualifying order did not survive its return window: the next order may qualify instead
            referral.qualifyingOrderId = null;
            referral.convertsAt = null;
            referral.changed = true;
        }
    }

    private void onInteraction(InteractionRecorded interaction, Instant t) {
        EarningTrigger trigger = switch (interaction.kind()) {
            case CHECK_IN -> EarningTrigger.CHECK_IN;
            case REVIEW -> EarningTrigger.REVIEW;
            case SHARE -> EarningTrigger.SHARE;
            default -> null;
        };
        if (trigger == null) {
            return;
        }
        String key = activityKey(t.atZone(programme.zone()).toLocalDate(), trigger);
        int times = activity.getOrDefault(key, 0);
        if (times >= programme.rules().dailyCapFor(trigger)) {
            return;
        }
        activity.put(key, times + 1);
        changedActivity.put(key, times + 1);
        EarningPolicy.Earning earning = programme.earning().forTrigger(trigger, programme.rules().pointsFor(trigger), tier(), t);
        long points = earning.points() + earning.bonusPoints();
        if (points > 0) {
            PointsLot lot = account.creditPooled(EntryType.EARN, trigger.name(), points, cause, t, programme.expiryFor(t));
            member.lifetimePoints += points;
            publish(t, new PointsEarned(lot.id(), PointsSource.EARN, points, trigger.name(), null, t, lot.expiresAt(), cause));
        }
    }

    // ---------------------------------------------------------------- time

    /** Brings the member to {@code t}: birthday gifts and requalifications due by then, then expiry. */
    public void advanceTo(Instant time) {
        Instant t = micros(time);
        if (!t.isAfter(account.advancedTo())) {
            return;
        }
        String previousCause = cause;
        grantBirthdayGifts(t);
        while (!member.nextRequalificationAt.isAfter(t)) {
            Instant at = member.nextRequalificationAt;
            cause = "requalification:" + member.customerId + ":" + at;
            sequence = 0;
            expireUpTo(at);
            BigDecimal spend = qualifyingSpend(at);
            Tier current = tier();
            Tier next = programme.tiers().requalify(current, spend);
            member.nextRequalificationAt = nextAnniversary(member.enrolledAt, at.plusSeconds(1));
            if (!next.name().equals(current.name())) {
                changeTier(next, TierChangeReason.REQUALIFICATION, spend, at);
            }
        }
        cause = "expiry:" + member.customerId + ":" + t;
        sequence = 0;
        expireUpTo(t);
        cause = previousCause;
    }

    private void expireUpTo(Instant t) {
        for (PointsAccount.Expiry expiry : account.advanceTo(t)) {
            publish(expiry.expiredAt(), new PointsExpired(expiry.points(), expiry.expiredAt(), expiry.lots()));
        }
    }

    /**
     * Event time as stored: PostgreSQL keeps microseconds, so an instant with nanoseconds would read back as
     * earlier than itself and the member would be brought to it twice.
     */
    static Instant micros(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private void grantBirthdayGifts(Instant t) {
        if (member.birthday == null) {
            return;
        }
        int year = member.lastBirthdayGiftYear != null ? member.lastBirthdayGiftYear + 1 : member.enrolledAt.atZone(programme.zone()).getYear();
        while (true) {
            Instant monthStart = LocalDate.of(year, member.birthday.getMonth(), 1).atStartOfDay(programme.zone()).toInstant();
            Instant monthEnd = LocalDate.of(year, member.birthday.getMonth(), 1).plusMonths(1).atStartOfDay(programme.zone()).toInstant();
            Instant giftAt = monthStart.isBefore(member.enrolledAt) ? member.enrolledAt : monthStart;
            if (giftAt.isAfter(t)) {
                return;
            }
            if (giftAt.isBefore(monthEnd)) {
                cause = "birthday:" + member.customerId + ":" + year;
                sequence = 0;
                expireUpTo(giftAt);
                long points = tier().birthdayGiftPoints();
                if (points > 0) {
                    credit(EntryType.BONUS, "BIRTHDAY_GIFT", points, null, giftAt, giftAt, programme.expiryFor(giftAt));
                }
            }
            member.lastBirthdayGiftYear = year;
            year++;
        }
    }

    /** Publishes {@code PointsExpiring} for points that expire within the notice period after {@code t}. */
    public void noticeExpiringPoints(Instant time) {
        Instant t = micros(time);
        cause = "expiring:" + member.customerId + ":" + t;
        sequence = 0;
        for (PointsAccount.Expiry due : account.takeExpiringNotices(t, programme.expiringNotice())) {
            publish(t, new PointsExpiring(due.points(), due.expiredAt()));
        }
    }

    /** Credits a referral reward: {@code referee} says which side this member is on. */
    public void creditReferral(Referral converted, boolean referee, Instant time) {
        Instant at = micros(time);
        cause = "referral:" + converted.refereeId + (referee ? ":referee" : ":referrer");
        sequence = 0;
        advanceTo(at);
        long base = referee ? programme.rules().refereePoints() : programme.rules().referrerPoints();
        EarningPolicy.Earning earning = programme.earning().forTrigger(EarningTrigger.REFERRAL, base, tier(), at);
        long points = earning.points() + earning.bonusPoints();
        if (points > 0) {
            credit(EntryType.REFERRAL, referee ? "REFERRAL_REFEREE" : "REFERRAL_REFERRER", points, null, at, at, programme.expiryFor(at));
        }
        if (referee) {
            converted.refereePoints = points;
        } else {
            converted.referrerPoints = points;
            publish(at, new ReferralConverted(converted.refereeId, converted.referralCode, converted.qualifyingOrderId,
                    converted.referrerPoints, converted.refereePoints));
        }
    }

    // ---------------------------------------------------------------- requests

    /**
     * Spends points on a reward at {@code t}, from the lots that expire first.
     *
     * @throws org.openretention.loyalty.ledger.InsufficientPointsException when fewer points are available
     */
    public void redeem(UUID redemptionId, long points, String rewardId, org.openretention.events.loyalty.RewardType type,
                       String rewardName, String couponCode, Instant time) {
        Instant t = micros(time);
        cause = "redemption:" + redemptionId;
        sequence = 0;
        advanceTo(t);
        if (points > 0) {
            account.redeem(points, "REWARD " + rewardId, cause, t);
            publish(t, new org.openretention.events.loyalty.PointsRedeemed(redemptionId, points, rewardId, account.available(t)));
        }
        publish(t, new org.openretention.events.loyalty.RewardRedeemed(redemptionId, rewardId, rewardName, type, points, couponCode));
    }

    /** A manual correction by {@code actor}; a negative one beyond the balance leaves a debt. */
    public void adjust(UUID requestId, long points, String reason, String actor, Instant time) {
        Instant t = micros(time);
        cause = "adjustment:" + requestId;
        sequence = 0;
        advanceTo(t);
        PointsLot lot = account.adjust(points, reason, cause, actor, t, programme.expiryFor(t));
        if (lot != null) {
            member.lifetimePoints += points;
            publish(t, new PointsEarned(lot.id(), PointsSource.ADJUST, points, "ADJUSTMENT", null, t, lot.expiresAt(), cause));
        }
    }

    // ---------------------------------------------------------------- helpers

    private long credit(EntryType source, String reason, long points, String orderId, Instant at, Instant availableAt, Instant expiresAt) {
        PointsLot lot = account.credit(source, reason, points, orderId, cause, at, availableAt, expiresAt);
        member.lifetimePoints += points;
        publish(at, new PointsEarned(lot.id(), PointsSource.valueOf(source.name()), points, reason, orderId, availableAt, expiresAt, cause));
        return points;
    }

    private void changeTier(Tier to, TierChangeReason reason, BigDecimal spend, Instant at) {
        String from = member.tier;
        member.tier = to.name();
        member.tierSince = at;
        publish(at, new TierChanged(from, to.name(), reason, spend.setScale(2, RoundingMode.HALF_EVEN), programme.currency(), member.nextRequalificationAt));
    }

    /** Spend in the programme currency over the 12 months up to {@code t}. */
    public BigDecimal qualifyingSpend(Instant t) {
        Instant from = t.atZone(programme.zone()).minusMonths(12).toInstant();
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderRecord order : orders.values()) {
            if (order.occurredAt.isAfter(from) && !order.occurredAt.isAfter(t)) {
                sum = sum.add(order.qualifyingNet());
            }
        }
        return sum;
    }

    public Tier tier() {
        return programme.tiers().byName(member.tier);
    }

    /** The earliest instant at which time alone changes this member: an expiry, its notice, a requalification, a gift. */
    public Instant nextDueAt() {
        Instant due = member.nextRequalificationAt;
        for (PointsLot lot : account.lots()) {
            if (lot.remaining() > 0) {
                due = min(due, lot.expiresAt());
                if (!lot.expiryNotified()) {
                    due = min(due, lot.expiresAt().minus(programme.expiringNotice()));
                }
                if (!lot.isAvailableAt(account.advancedTo())) {
                    due = min(due, lot.availableAt());
                }
            }
        }
        if (member.birthday != null) {
            int year = member.lastBirthdayGiftYear != null ? member.lastBirthdayGiftYear + 1 : member.enrolledAt.atZone(programme.zone()).getYear();
            due = min(due, LocalDate.of(year, member.birthday.getMonth(), 1).atStartOfDay(programme.zone()).toInstant());
        }
        return due;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private void publish(Instant at, EventPayload payload) {
        EventType type = EventType.of(payload);
        UUID id = UUID.nameUUIDFromBytes((cause + "|" + type.typeName() + "|" + member.customerId + "|" + sequence++).getBytes(StandardCharsets.UTF_8));
        outbox.add(new EventEnvelope<>(id, type.typeName(), type.schemaVersion(), at, member.customerId, programme.source(), payload));
    }

    /**
     * A lot's id: deterministic (the same event stream gives the same ids, also when replayed) and ordered by the
     * time the lot was earned, so that new lots go to the right-hand end of the primary key's index instead of to
     * a random page of it (a random id cost a page of the index per lot once the index outgrew memory, and more
     * WAL). The first 48 bits are the earning time in milliseconds since the epoch, as in a version 7 UUID; the
     * rest comes from the name-based UUID of the lot (cause, member, sequence), with the version and variant of
     * that UUID.
     */
    private UUID nextId(Instant earnedAt) {
        UUID named = UUID.nameUUIDFromBytes(("lot|" + cause + "|" + member.customerId + "|" + sequence++).getBytes(StandardCharsets.UTF_8));
        long millis = Math.max(0, earnedAt.toEpochMilli()) & 0xFFFF_FFFF_FFFFL;
        return new UUID((millis << 16) | (named.getMostSignificantBits() & 0xFFFFL), named.getLeastSignificantBits());
    }

    private static Instant nextAnniversary(Instant enrolledAt, Instant after) {
        ZonedDateTime anniversary = enrolledAt.atZone(java.time.ZoneOffset.UTC).plusYears(1);
        while (!anniversary.toInstant().isAfter(after)) {
            anniversary = anniversary.plusYears(1);
        }
        return anniversary.toInstant();
    }

    static String activityKey(LocalDate day, EarningTrigger trigger) {
        return day + "|" + trigger.name();
    }

    /** Enrolled in this session, not stored yet. */
    public boolean isNew() { return isNew; }
    public Member member() { return member; }
    public PointsAccount account() { return account; }
    public Map<String, OrderRecord> orders() { return orders; }
    /** The orders map itself, handed to the MemberCache after the session was saved. */
    HashMap<String, OrderRecord> ordersForCache() { return orders; }
    public Map<String, Integer> changedActivity() { return changedActivity; }
    public Optional<Referral> referral() { return Optional.ofNullable(referral); }
    public List<EventEnvelope<?>> outbox() { return outbox; }
    public Programme programme() { return programme; }
}
