package org.openretention.simulator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openretention.events.EventEnvelope;
import org.openretention.events.customers.CustomerRegistered;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.events.orders.OrderCancelled;
import org.openretention.events.orders.OrderCompleted;
import org.openretention.events.orders.OrderRefunded;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Iterator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Statistical sanity of 5,000 customers over two years (the events are counted on the fly, not kept). */
class PopulationStatisticsTest {

    private static final int CUSTOMERS = 5000;
    private static ShopSimulation sim;
    private static GroundTruth truth;
    private static long events;
    private static long orders;
    private static long refunds;
    private static long cancellations;
    private static long views;
    private static long cartAdds;
    private static long checkIns;
    private static long reviews;
    private static long serviceContacts;
    private static long couponOrdersSensitive;
    private static long ordersSensitive;
    private static long couponOrdersOthers;
    private static long ordersOthers;
    private static long ordersAfterDropout;
    private static long referred;
    private static long withBirthday;
    private static long zhCustomers;
    private static int[] ordersPerCustomer = new int[CUSTOMERS];

    @BeforeAll
    static void simulate() {
        sim = new ShopSimulation(SimulationConfig.of(2024, CUSTOMERS, Generated.NOW, 730));
        truth = sim.truth();
        long[] lastOrderAt = new long[CUSTOMERS];
        Iterator<EventEnvelope<?>> it = sim.history();
        while (it.hasNext()) {
            EventEnvelope<?> e = it.next();
            events++;
            int c = CustomerIds.indexOf(e.customerId());
            switch (e.payload()) {
                case OrderCompleted o -> {
                    orders++;
                    ordersPerCustomer[c]++;
                    lastOrderAt[c] = e.occurredAt().toEpochMilli();
                    boolean coupon = o.couponCode() != null;
                    if (truth.priceSensitive(c)) {
                        ordersSensitive++;
                        couponOrdersSensitive += coupon ? 1 : 0;
                    } else {
                        ordersOthers++;
                        couponOrdersOthers += coupon ? 1 : 0;
                    }
                }
                case OrderRefunded r -> refunds++;
                case OrderCancelled x -> cancellations++;
                case CustomerRegistered r -> {
                    referred += r.referredByCode() != null ? 1 : 0;
                    withBirthday += r.birthday() != null ? 1 : 0;
                    zhCustomers += r.locale().startsWith("zh") ? 1 : 0;
                }
                case InteractionRecorded i -> {
                    switch (i.kind()) {
                        case PRODUCT_VIEW -> views++;
                        case CART_ADD -> cartAdds++;
                        case CHECK_IN -> checkIns++;
                        case REVIEW -> reviews++;
                        case SERVICE_CONTACT -> serviceContacts++;
                        default -> {
                        }
                    }
                }
                default -> {
                }
            }
        }
        for (int c = 0; c < CUSTOMERS; c++) {
            Instant dropped = truth.droppedOutAt(c);
            if (dropped != null && lastOrderAt[c] > dropped.toEpochMilli()) {
                ordersAfterDropout++;
            }
        }
    }

    @Test
    void everyCustomerRegisteredAndTheTruthCountsTheOrders() {
        assertThat(sim.customersRegistered()).isEqualTo(CUSTOMERS);
        long truthOrders = 0;
        for (int c = 0; c < CUSTOMERS; c++) {
            assertThat(truth.isRegistered(c)).isTrue();
            assertThat(truth.orders(c)).isEqualTo(ordersPerCustomer[c]);
            truthOrders += truth.orders(c);
        }
        assertThat(truthOrders).isEqualTo(orders);
        // a share of the customers is there from the start, the others register over the period
        long atStart = 0;
        for (int c = 0; c < CUSTOMERS; c++) {
            if (truth.registeredAt(c).isBefore(Generated.NOW.minusSeconds(730L * 86400 - 3600))) {
                atStart++;
            }
        }
        assertThat(atStart / (double) CUSTOMERS).isCloseTo(0.3, within(0.01));
    }

    @Test
    void aboutFivePercentOfOrdersAreRefundedAndFewCancelled() {
        assertThat(orders).isGreaterThan(CUSTOMERS);
        assertThat(refunds / (double) orders).isBetween(0.03, 0.07);
        assertThat(cancellations / (double) orders).isBetween(0.005, 0.03);
    }

    @Test
    void aSubstantialShareDropsOutAndPlacesNoOrdersAfterwards() {
        long dropped = 0;
        for (int c = 0; c < CUSTOMERS; c++) {
            if (truth.droppedOut(c)) {
                dropped++;
                assertThat(truth.droppedOutAt(c)).isAfterOrEqualTo(truth.registeredAt(c));
                assertThat(truth.orders(c)).isPositive(); // BG/NBD: dropout happens right after a purchase
            }
        }
        assertThat(dropped / (double) CUSTOMERS).isBetween(0.3, 0.7);
        assertThat(ordersAfterDropout).isZero();
    }

    @Test
    void purchaseRatesAndDropoutProbabilitiesFollowTheirDistributions() {
        ModelParameters m = ModelParameters.defaults();
        double sumRate = 0;
        double sumP = 0;
        for (int c = 0; c < CUSTOMERS; c++) {
            sumRate += truth.purchaseRate(c);
            sumP += truth.dropoutProbability(c);
            assertThat(truth.dropoutProbability(c)).isBetween(0.0, 1.0);
        }
        assertThat(sumRate / CUSTOMERS).isCloseTo(m.meanPurchaseRate(), within(m.meanPurchaseRate() * 0.07));
        assertThat(sumP / CUSTOMERS).isCloseTo(m.meanDropoutProbability(), within(0.02));
    }

    @Test
    void priceSensitiveCustomersMostlyBuyWithCoupons() {
        long sensitive = 0;
        for (int c = 0; c < CUSTOMERS; c++) {
            sensitive += truth.priceSensitive(c) ? 1 : 0;
        }
        assertThat(sensitive / (double) CUSTOMERS).isCloseTo(0.2, within(0.03));
        assertThat(couponOrdersSensitive / (double) ordersSensitive).isGreaterThan(0.6);
        assertThat(couponOrdersOthers / (double) ordersOthers).isLessThan(0.3);
    }

    @Test
    void browsingOutnumbersBuyingAndTheRestIsThere() {
        assertThat(views).isGreaterThan(5 * orders);
        assertThat(cartAdds).isGreaterThan(2 * orders);
        assertThat(checkIns).isPositive();
        assertThat(reviews / (double) orders).isBetween(0.1, 0.5);
        assertThat(serviceContacts).isPositive();
        assertThat(referred / (double) CUSTOMERS).isBetween(0.05, 0.15);
        assertThat(withBirthday / (double) CUSTOMERS).isGreaterThan(0.8);
        assertThat(zhCustomers / (double) CUSTOMERS).isBetween(0.65, 0.9);
        assertThat(events).isGreaterThan(CUSTOMERS * 30L);
    }

    @Test
    void truthIsWrittenAsCsv() throws Exception {
        StringWriter out = new StringWriter();
        truth.writeCsv(out);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(CUSTOMERS + 1);
        assertThat(lines[0]).isEqualTo("customerId,registeredAt,purchaseRate,dropoutProbability,priceSensitive,currency,orders,droppedOut,droppedOutAt,referredBy");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            assertThat(f).hasSize(10);
            assertThat(f[0]).isEqualTo(CustomerIds.customerId(i - 1));
            Instant.parse(f[1]);
            assertThat(Double.parseDouble(f[2])).isNotNegative();
            assertThat(f[7]).isIn("true", "false");
            assertThat(f[8].isEmpty()).isEqualTo(f[7].equals("false"));
        }
    }
}
