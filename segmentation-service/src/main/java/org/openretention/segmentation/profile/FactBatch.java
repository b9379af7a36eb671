package org.openretention.segmentation.profile;

import org.openretention.events.EventEnvelope;
import org.openretention.events.customers.CustomerErased;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.customers.CustomerUpdated;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.loyalty.TierChanged;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderItem;
import org.openretention.events.orders.OrderRefunded;
import org.openretention.segmentation.repurchase.BrowseEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The facts a batch of events brings to customer profiles, merged per customer and per order the same way the store
 * merges them into what it holds, so that neither the order of the events within the batch nor the batches they come
 * in change the outcome:
 * <ul>
 *   <li>sums (interactions, refunds) add up, flags (cancelled, fully refunded) are or-ed, times of the last product
 *       view and cart add keep the latest;</li>
 *   <li>values that replace one another (locale, loyalty tier) keep the one with the latest event time, ties broken
 *       by the greater value; the registration keeps the earliest {@code registeredAt};</li>
 *   <li>an order's completion keeps the earliest {@code OrderCompleted} (then the smaller amount), whether its
 *       refunds and cancellation came before or after it;</li>
 *   <li>product views and cart adds are also kept one by one ({@link #browsing()}), for browse abandonment, which
 *       cuts them into sessions when it is evaluated;</li>
 *   <li>a customer erased in the batch has nothing else of the batch kept.</li>
 * </ul>
 * Events that say nothing a profile keeps (loyalty events other than {@code TierChanged}) are left out.
 */
public final class FactBatch {

    private final ReportingCurrency currency;
    private final SortedMap<String, CustomerFacts> customers = new TreeMap<>();
    private final SortedMap<OrderKey, OrderFacts> orders = new TreeMap<>();
    private final SortedMap<String, Instant> erased = new TreeMap<>();
    private final List<Browsing> browsing = new ArrayList<>();

    public FactBatch(ReportingCurrency currency) {
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    /** The batch's facts from {@code events}, in any order. */
    public static FactBatch of(ReportingCurrency currency, Collection<? extends EventEnvelope<?>> events) {
        FactBatch batch = new FactBatch(currency);
        events.forEach(batch::add);
        return batch;
    }

    /**
     * Adds the facts of one event.
     *
     * @throws EventRejected for an amount in a currency without an exchange rate
     */
    public void add(EventEnvelope<?> event) {
        String customerId = event.customerId();
        Instant at = event.occurredAt();
        switch (event.payload()) {
            case CustomerErased erasure -> erased.merge(customerId, at, (a, b) -> a.isBefore(b) ? a : b);
            case CustomerRegistered registered -> {
                CustomerFacts c = customer(customerId, at);
                c.registeredAt = earliest(c.registeredAt, registered.registeredAt());
                c.locale(registered.locale(), at);
            }
            case CustomerUpdated updated -> customer(customerId, at).locale(updated.locale(), at);
            case OrderCompleted completed -> {
                // converted first: an amount that cannot be converted leaves the batch untouched
                Completion completion = new Completion(at, currency.convert(completed.netAmount(), completed.currency()),
                        completed.discountAmount().signum() > 0 || completed.couponCode() != null, itemsByCategory(completed.items()));
                customer(customerId, at);
                order(customerId, completed.orderId()).complete(completion);
            }
            case OrderRefunded refunded -> {
                BigDecimal amount = currency.convert(refunded.refundAmount(), refunded.currency());
                customer(customerId, at);
                OrderFacts order = order(customerId, refunded.orderId());
                order.refundedAmount = order.refundedAmount.add(amount);
                order.fullyRefunded |= refunded.fullRefund();
            }
            case OrderCancelled cancelled -> {
                customer(customerId, at);
                order(customerId, cancelled.orderId()).cancelled = true;
            }
            case InteractionRecorded interaction -> {
                customer(customerId, at).interaction(interaction.kind(), at);
                if (interaction.kind() == InteractionKind.PRODUCT_VIEW) {
                    browsing.add(new Browsing(customerId, new BrowseEvent(at, BrowseEvent.Kind.PRODUCT_VIEW, interaction.sku())));
                } else if (interaction.kind() == InteractionKind.CART_ADD) {
                    browsing.add(new Browsing(customerId, new BrowseEvent(at, BrowseEvent.Kind.CART_ADD, interaction.sku())));
                }
            }
            case TierChanged tier -> customer(customerId, at).tier(tier.toTier(), at);
            default -> {
                // PointsEarned, RewardRedeemed...: nothing the profile keeps
            }
        }
    }

    /** The customers the batch erases, with the event time of their erasure. */
    public SortedMap<String, Instant> erased() {
        return Collections.unmodifiableSortedMap(erased);
    }

    /** The facts per customer, by customer id, without the customers the batch erases. */
    public List<CustomerFacts> customers() {
        return customers.values().stream().filter(c -> !erased.containsKey(c.customerId)).toList();
    }

    /** The facts per order, by customer id and order id, without the orders of customers the batch erases. */
    public List<OrderFacts> orders() {
        return orders.values().stream().filter(o -> !erased.containsKey(o.customerId)).toList();
    }

    /** The product views and cart adds of the batch, one each, in the order added, without those of customers it erases. */
    public List<Browsing> browsing() {
        return browsing.stream().filter(b -> !erased.containsKey(b.customerId())).toList();
    }

    /** Every customer the batch names, erased ones included, sorted. */
    public SortedSet<String> customerIds() {
        TreeSet<String> ids = new TreeSet<>(customers.keySet());
        ids.addAll(erased.keySet());
        return ids;
    }

    public boolean isEmpty() {
        return customers.isEmpty() && erased.isEmpty();
    }

    private CustomerFacts customer(String customerId, Instant at) {
        CustomerFacts c = customers.computeIfAbsent(customerId, CustomerFacts::new);
        c.lastEventAt = latest(c.lastEventAt, at);
        return c;
    }

    private OrderFacts order(String customerId, String orderId) {
        return orders.computeIfAbsent(new OrderKey(customerId, orderId), k -> new OrderFacts(customerId, orderId));
    }

    private static SortedMap<String, Integer> itemsByCategory(List<OrderItem> items) {
        SortedMap<String, Integer> byCategory = new TreeMap<>();
        for (OrderItem item : items) {
            byCategory.merge(item.category(), item.quantity(), Integer::sum);
        }
        return Collections.unmodifiableSortedMap(byCategory);
    }

    static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /** Whether {@code value} set at {@code at} replaces {@code current} set at {@code currentAt}: later wins, then greater. */
    static boolean replaces(String value, Instant at, String current, Instant currentAt) {
        if (currentAt == null) {
            return true;
        }
        int byTime = at.compareTo(currentAt);
        return byTime > 0 || (byTime == 0 && value.compareTo(current) > 0);
    }

    private record OrderKey(String customerId, String orderId) implements Comparable<OrderKey> {
        @Override
        public int compareTo(OrderKey o) {
            int c = customerId.compareTo(o.customerId);
            return c != 0 ? c : orderId.compareTo(o.orderId);
        }
    }

    /** One product view or cart add of a customer. */
    public record Browsing(String customerId, BrowseEvent event) {

        public Browsing {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(event, "event");
        }
    }

    /** What the batch says about one customer besides their orders. */
    public static final class CustomerFacts {
        private final String customerId;
        private Instant lastEventAt;
        private Instant registeredAt;
        private String locale;
        private Instant localeAt;
        private String tier;
        private Instant tierAt;
        private final EnumMap<InteractionKind, Integer> interactions = new EnumMap<>(InteractionKind.class);
        private Instant lastProductViewAt;
        private Instant lastCartAddAt;

        private CustomerFacts(String customerId) {
            this.customerId = customerId;
        }

        private void locale(String value, Instant at) {
            if (value != null && replaces(value, at, locale, localeAt)) {
                locale = value;
                localeAt = at;
            }
        }

        private void tier(String value, Instant at) {
            if (value != null && replaces(value, at, tier, tierAt)) {
                tier = value;
                tierAt = at;
            }
        }

        private void interaction(InteractionKind kind, Instant at) {
            interactions.merge(kind, 1, Integer::sum);
            if (kind == InteractionKind.PRODUCT_VIEW) {
                lastProductViewAt = latest(lastProductViewAt, at);
            } else if (kind == InteractionKind.CART_ADD) {
                lastCartAddAt = latest(lastCartAddAt, at);
            }
        }

        public String customerId() {
            return customerId;
        }

        /** The latest event time of the customer's events in the batch. */
        public Instant lastEventAt() {
            return lastEventAt;
        }

        public Instant registeredAt() {
            return registeredAt;
        }

        public String locale() {
            return locale;
        }

        public Instant localeAt() {
            return localeAt;
        }

        public String tier() {
            return tier;
        }

        public Instant tierAt() {
            return tierAt;
        }

        public int interactions(InteractionKind kind) {
            return interactions.getOrDefault(kind, 0);
        }

        public Instant lastProductViewAt() {
            return lastProductViewAt;
        }

        public Instant lastCartAddAt() {
            return lastCartAddAt;
        }
    }

    /**
     * An order's completion: when, the net amount in the reporting currency, whether a coupon or discount went with
     * it, and its items (units) per category.
     */
    public record Completion(Instant occurredAt, BigDecimal netAmount, boolean discounted, SortedMap<String, Integer> itemsByCategory) {

        /** Whether this completion is kept rather than {@code other}: the earlier, then the smaller amount. */
        boolean precedes(Completion other) {
            int byTime = occurredAt.compareTo(other.occurredAt);
            return byTime < 0 || (byTime == 0 && netAmount.compareTo(other.netAmount) < 0);
        }
    }

    /** What the batch says about one order: its completion if it came, and the refunds and cancellation it got. */
    public static final class OrderFacts {
        private final String customerId;
        private final String orderId;
        private Completion completion;
        private BigDecimal refundedAmount = BigDecimal.ZERO.setScale(ReportingCurrency.SCALE);
        private boolean fullyRefunded;
        private boolean cancelled;

        private OrderFacts(String customerId, String orderId) {
            this.customerId = customerId;
            this.orderId = orderId;
        }

        private void complete(Completion c) {
            if (completion == null || c.precedes(completion)) {
                completion = c;
            }
        }

        public String customerId() {
            return customerId;
        }

        public String orderId() {
            return orderId;
        }

        /** {@code null} when the batch holds no {@code OrderCompleted} of the order. */
        public Completion completion() {
            return completion;
        }

        /** Refunds of the order in the batch, in the reporting currency. */
        public BigDecimal refundedAmount() {
            return refundedAmount;
        }

        public boolean fullyRefunded() {
            return fullyRefunded;
        }

        public boolean cancelled() {
            return cancelled;
        }
    }
}
