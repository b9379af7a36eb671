package org.openretention.segmentation.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.openretention.segmentation.model.Purchase;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/** The purchases the models read: the orders that count ({@code profile_placed_order WHERE counted}) with their net spend. */
@ApplicationScoped
public class PurchaseHistory {

    private static final int FETCH_SIZE = 10_000;

    @Inject
    EntityManager entityManager;

    /**
     * Streams every customer's purchases placed before {@code until}, one customer at a time (ordered by customer,
     * then time), handing each customer's purchases to {@code customer}. Needs a transaction.
     */
    public void eachCustomerBefore(Instant until, BiConsumer<String, List<Purchase>> customer) {
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT customer_id, occurred_at, net_spend FROM profile_placed_order
                        WHERE counted AND occurred_at < :until ORDER BY customer_id, occurred_at""")
                .setParameter("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .getResultStream();
        try (rows) {
            String current = null;
            List<Purchase> purchases = new ArrayList<>();
            for (var iterator = rows.iterator(); iterator.hasNext(); ) {
                Object[] row = iterator.next();
                String customerId = (String) row[0];
                if (current != null && !current.equals(customerId)) {
                    customer.accept(current, purchases);
                    purchases = new ArrayList<>();
                }
                current = customerId;
                purchases.add(new Purchase(instant(row[1]), (BigDecimal) row[2]));
            }
            if (current != null) {
                customer.accept(current, purchases);
            }
        }
    }

    /** One customer's purchases placed before {@code until}. */
    public List<Purchase> ofCustomerBefore(String customerId, Instant until) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT occurred_at, net_spend FROM profile_placed_order
                        WHERE counted AND customer_id = :customerId AND occurred_at < :until ORDER BY occurred_at""")
                .setParameter("customerId", customerId)
                .setParameter("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .getResultList();
        return rows.stream().map(row -> new Purchase(instant(row[0]), (BigDecimal) row[1])).toList();
    }

    /**
     * The customer's last sign of life that is not a purchase: the later of their last product view and last cart add
     * (the profile's), if not after {@code asOf}.
     */
    public Optional<Instant> lastSignOfLifeUpTo(String customerId, Instant asOf) {
        @SuppressWarnings("unchecked")
        List<Object> rows = entityManager.createNativeQuery("""
                        SELECT GREATEST(last_product_view_at, last_cart_add_at) FROM customer_profile
                        WHERE customer_id = :customerId""")
                .setParameter("customerId", customerId)
                .getResultList();
        return rows.stream().filter(java.util.Objects::nonNull).map(PurchaseHistory::instant)
                .filter(at -> !at.isAfter(asOf)).findFirst();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
