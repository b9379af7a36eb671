package org.openretention.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummariesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate CALIBRATION_END = LocalDate.of(2024, 3, 31);
    private final Summaries summaries = new Summaries(NEW_YORK, CALIBRATION_END);

    @Test
    void purchasesOnOneDayOfTheShopsZoneAreOneTransactionWithTheirAmountsSummed() {
        // 23:30 and 03:30 UTC the next day are both the evening of 1 March in New York
        List<Purchase> purchases = List.of(
                purchase("2024-03-01T23:30:00Z", "10.00"),
                purchase("2024-03-02T03:30:00Z", "5.00"),
                purchase("2024-03-08T15:00:00Z", "20.00"),
                purchase("2024-03-08T16:00:00Z", "4.50"));

        CustomerSummary summary = summaries.summarise("c1", purchases).orElseThrow();

        assertThat(summary.repeatTransactions()).isEqualTo(1);
        assertThat(summary.meanRepeatValue()).isEqualTo(24.5);
        assertThat(summary.recency()).isEqualTo(1.0);
        assertThat(summary.age()).isCloseTo(30 / 7.0, within(1e-15));
    }

    @Test
    void theFirstTransactionIsNoRepeatAndCountsForNoValue() {
        List<Purchase> purchases = List.of(
                purchase("2024-01-05T12:00:00Z", "100.00"),
                purchase("2024-01-19T12:00:00Z", "10.00"),
                purchase("2024-02-02T12:00:00Z", "30.00"));

        CustomerSummary summary = summaries.summarise("c1", purchases).orElseThrow();

        assertThat(summary.repeatTransactions()).isEqualTo(2);
        assertThat(summary.meanRepeatValue()).isEqualTo(20.0);
        assertThat(summary.recency()).isEqualTo(4.0);
        assertThat(summary.age()).isCloseTo(86 / 7.0, within(1e-15));
    }

    @Test
    void aSingleTransactionHasNoRecencyAndNoRepeatValue() {
        CustomerSummary summary = summaries.summarise("c1", List.of(purchase("2024-03-03T12:00:00Z", "9.99")))
                .orElseThrow();

        assertThat(summary.repeatTransactions()).isZero();
        assertThat(summary.recency()).isZero();
        assertThat(summary.meanRepeatValue()).isZero();
        assertThat(summary.age()).isEqualTo(4.0);
    }

    @Test
    void purchasesAfterTheCalibrationEndAreLeftForTheHoldout() {
        List<Purchase> purchases = List.of(
                purchase("2024-03-17T12:00:00Z", "10.00"),
                purchase("2024-03-31T23:00:00Z", "10.00"),   // still 31 March in New York
                purchase("2024-04-01T12:00:00Z", "10.00"),
                purchase("2024-04-01T13:00:00Z", "10.00"),
                purchase("2024-04-20T12:00:00Z", "10.00"),
                purchase("2024-06-01T12:00:00Z", "10.00"));

        CustomerSummary summary = summaries.summarise("c1", purchases).orElseThrow();

        assertThat(summary.repeatTransactions()).isEqualTo(1);
        assertThat(summary.recency()).isEqualTo(2.0);
        assertThat(summary.age()).isEqualTo(2.0);
        assertThat(summaries.holdoutTransactions(purchases, LocalDate.of(2024, 4, 30))).isEqualTo(2);
        assertThat(summaries.holdoutWeeks(LocalDate.of(2024, 4, 28))).isEqualTo(4.0);
    }

    @Test
    void aCustomerWhoFirstBoughtAfterTheCalibrationEndHasNoSummary() {
        Map<String, List<Purchase>> purchases = new LinkedHashMap<>();
        purchases.put("early", List.of(purchase("2024-03-01T12:00:00Z", "10.00")));
        purchases.put("late", List.of(purchase("2024-04-02T12:00:00Z", "10.00")));

        assertThat(summaries.summarise(purchases)).extracting(CustomerSummary::customerId).containsExactly("early");
        assertThat(summaries.holdoutTransactions(purchases, LocalDate.of(2024, 6, 30)))
                .containsEntry("early", 0).containsEntry("late", 1);
    }

    private static Purchase purchase(String at, String amount) {
        return new Purchase(Instant.parse(at), new BigDecimal(amount));
    }
}
