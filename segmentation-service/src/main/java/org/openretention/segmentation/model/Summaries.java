package org.openretention.segmentation.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns purchase histories into the models' customer summaries, with the conventions of the buy-till-you-die
 * literature (Fader, Hardie and Lee): all purchases of one calendar day in the shop's time zone are one transaction
 * (their amounts summed), the first transaction is not a repeat, and recency and age are whole days divided by 7.
 *
 * <p>The calibration period ends with the day {@code calibrationEnd} (inclusive): later purchases are ignored, and
 * the age T of a customer is the number of days from the first transaction's day to that day. CDNOW's published
 * fits use exactly this: calibration end 1997-09-30, so a customer who first bought on 1997-01-01 has T = 272 / 7
 * = 38.86 weeks. The holdout period is the days after the calibration end up to {@code holdoutEnd} (inclusive).
 */
public final class Summaries {

    private static final double DAYS_PER_WEEK = 7;

    private final ZoneId shopZone;
    private final LocalDate calibrationEnd;

    public Summaries(ZoneId shopZone, LocalDate calibrationEnd) {
        this.shopZone = Objects.requireNonNull(shopZone, "shopZone");
        this.calibrationEnd = Objects.requireNonNull(calibrationEnd, "calibrationEnd");
    }

    /** The summary of one customer; empty when the customer had not bought anything by the calibration end. */
    public Optional<CustomerSummary> summarise(String customerId, Collection<Purchase> purchases) {
        TreeMap<LocalDate, BigDecimal> transactions = new TreeMap<>();
        for (Purchase purchase : purchases) {
            LocalDate day = LocalDate.ofInstant(purchase.at(), shopZone);
            if (!day.isAfter(calibrationEnd)) {
                transactions.merge(day, purchase.amount(), BigDecimal::add);
            }
        }
        if (transactions.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = transactions.firstKey();
        int repeatTransactions = transactions.size() - 1;
        BigDecimal repeatValue = transactions.tailMap(first, false).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        double meanRepeatValue = repeatTransactions == 0 ? 0 : repeatValue.doubleValue() / repeatTransactions;
        return Optional.of(new CustomerSummary(customerId, repeatTransactions,
                weeks(first, transactions.lastKey()), weeks(first, calibrationEnd), meanRepeatValue));
    }

    /**
     * As {@link #summarise(String, Collection)}, with the customer's last sign of life that is not a purchase (a product
     * view, a cart add): its day, counted from the first transaction's like t_x, becomes the summary's last seen alive
     * when it is later than the last transaction and not after the calibration end.
     */
    public Optional<CustomerSummary> summarise(String customerId, Collection<Purchase> purchases, Optional<Instant> signOfLife) {
        Optional<CustomerSummary> summary = summarise(customerId, purchases);
        if (summary.isEmpty() || signOfLife.isEmpty()) {
            return summary;
        }
        LocalDate seen = LocalDate.ofInstant(signOfLife.get(), shopZone);
        if (seen.isAfter(calibrationEnd)) {
            return summary;
        }
        LocalDate first = purchases.stream().map(purchase -> LocalDate.ofInstant(purchase.at(), shopZone))
                .filter(day -> !day.isAfter(calibrationEnd)).min(LocalDate::compareTo).orElseThrow();
        return summary.map(s -> s.seenAliveAt(weeks(first, seen)));
    }

    /** The summaries of all customers who had bought by the calibration end, in the order of the map. */
    public List<CustomerSummary> summarise(Map<String, ? extends Collection<Purchase>> purchasesByCustomer) {
        List<CustomerSummary> summaries = new ArrayList<>(purchasesByCustomer.size());
        purchasesByCustomer.forEach((customerId, purchases) ->
                summarise(customerId, purchases).ifPresent(summaries::add));
        return summaries;
    }

    /**
     * Transactions (purchase days) after the calibration end up to {@code holdoutEnd}: all of them are repeat
     * transactions of a customer who had bought in the calibration period, the ones the models predict.
     */
    public int holdoutTransactions(Collection<Purchase> purchases, LocalDate holdoutEnd) {
        return (int) purchases.stream()
                .map(purchase -> LocalDate.ofInstant(purchase.at(), shopZone))
                .filter(day -> day.isAfter(calibrationEnd) && !day.isAfter(holdoutEnd))
                .distinct()
                .count();
    }

    /** {@link #holdoutTransactions(Collection, LocalDate)} for every customer of the map, in its order. */
    public Map<String, Integer> holdoutTransactions(Map<String, ? extends Collection<Purchase>> purchasesByCustomer,
                                                    LocalDate holdoutEnd) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        purchasesByCustomer.forEach((customerId, purchases) ->
                counts.put(customerId, holdoutTransactions(purchases, holdoutEnd)));
        return counts;
    }

    /** Length of the holdout period in weeks, the horizon of the models' holdout predictions. */
    public double holdoutWeeks(LocalDate holdoutEnd) {
        return weeks(calibrationEnd, holdoutEnd);
    }

    private static double weeks(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / DAYS_PER_WEEK;
    }
}
