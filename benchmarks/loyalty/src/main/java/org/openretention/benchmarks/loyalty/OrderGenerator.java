package org.openretention.benchmarks.loyalty;

import org.openretention.events.EventEnvelope;
import org.openretention.events.EventType;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The bulk data set, as a pure function of (seed, base time, index): the same index always gives the same event
 * (same eventId), so a share of the events can be published a second time as true duplicates.
 *
 * <p>Event {@code i} is order number {@code i / customers} of customer {@code i % customers}: rounds of one order per
 * customer, so every partition sees every customer early. Amounts are whole CNY 10..120 without discount, so an
 * order earns exactly {@code amount} points at the MEMBER tier (multiplier 1.0) and no customer crosses the SILVER
 * threshold (2,000 of spend) with 10 orders (at most 1,200). Event times are spread over the 2 days before the base
 * time, increasing with the round.
 */
final class OrderGenerator {

    static final int MIN_AMOUNT = 10;
    static final int MAX_AMOUNT = 120;
    static final long WELCOME_BONUS = 100;
    private static final long SPAN_MS = Duration.ofDays(2).toMillis();

    private final long seed;
    private final long baseMs;
    private final int customers;
    private final int ordersPerCustomer;
    private final String eventType = EventType.of(new OrderCompleted("x", BigDecimal.ONE, "CNY", null, null, null)).typeName();

    private final String prefix;

    OrderGenerator(long seed, long baseMs, int customers, int ordersPerCustomer) {
        this(seed, baseMs, customers, ordersPerCustomer, "c");
    }

    OrderGenerator(long seed, long baseMs, int customers, int ordersPerCustomer, String prefix) {
        this.prefix = prefix;
        this.seed = seed;
        this.baseMs = baseMs;
        this.customers = customers;
        this.ordersPerCustomer = ordersPerCustomer;
    }

    long total() {
        return (long) customers * ordersPerCustomer;
    }

    static String customerId(long c) {
        return "c" + (1_000_000 + c);   // c1000000 .. c1099999: fixed width, sorts well
    }

    static long mix(long z) {   // SplitMix64 finaliser
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    int amountOf(long i) {
        long h = mix(seed * 0x9E3779B97F4A7C15L + i * 4 + 1);
        return MIN_AMOUNT + (int) Long.remainderUnsigned(h, MAX_AMOUNT - MIN_AMOUNT + 1);
    }

    UUID eventIdOf(long i) {
        long msb = mix(seed * 0x9E3779B97F4A7C15L + i * 4 + 2);
        long lsb = mix(seed * 0x9E3779B97F4A7C15L + i * 4 + 3);
        msb = (msb & ~0xF000L) | 0x4000L;                                    // version 4 look
        lsb = (lsb & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;       // IETF variant
        return new UUID(msb, lsb);
    }

    String customerOf(long i) {
        return prefix + (1_000_000 + i % customers);
    }

    EventEnvelope<OrderCompleted> event(long i) {
        long round = i / customers;
        long slot = SPAN_MS / Math.max(1, ordersPerCustomer);
        long jitter = Long.remainderUnsigned(mix(seed + i * 4), Math.max(1, slot));
        Instant at = Instant.ofEpochMilli(baseMs - SPAN_MS + round * slot + jitter);
        BigDecimal amount = BigDecimal.valueOf(amountOf(i));
        String orderId = "o-" + seed + "-" + i;
        OrderCompleted order = new OrderCompleted(orderId, amount, "CNY", BigDecimal.ZERO, null,
                List.of(new OrderItem("SKU-" + (i % 997), "GENERAL", 1, amount)));
        return new EventEnvelope<>(eventIdOf(i), eventType, 1, at, customerOf(i), "loyalty-benchmark", order);
    }

    /** Expected EARN + BONUS entries and their points once every event was applied exactly once. */
    long[] expected() {
        long points = 0;
        long n = total();
        for (long i = 0; i < n; i++) {
            points += amountOf(i);
        }
        long bonusCustomers = Math.min(customers, n);
        return new long[] {n + bonusCustomers, points + WELCOME_BONUS * bonusCustomers};
    }
}
