package org.openretention.segmentation.repurchase;

import org.junit.jupiter.api.Test;
import org.openretention.segmentation.profile.ProfileFacts;
import org.openretention.segmentation.profile.Profiles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RepurchaseTimingTest {

    static final Instant LAST_ORDER = Instant.parse("2026-09-01T10:00:00Z");
    static final RepurchaseTiming TIMING = RepurchaseTiming.defaults(ZoneOffset.UTC);
    static final Map<String, Double> TYPICAL = Map.of("PET_FOOD", 28.0, "BOOKS", 45.5);

    static Profiles repeatBuyer(int intervals, double medianDays) {
        return Profiles.customer().orders(intervals + 1, LAST_ORDER.minusSeconds(86_400L * 200), LAST_ORDER, "500")
                .topCategory("PET_FOOD", "0.9").repeatIntervals(intervals, medianDays);
    }

    static ExpectedPurchase expected(Profiles customer) {
        return TIMING.expectedNext(customer.build(), TYPICAL).orElseThrow();
    }

    @Test
    void twoOrMoreOwnIntervalsGiveTheLastOrderPlusTheirMedian() {
        assertThat(expected(repeatBuyer(2, 20))).isEqualTo(new ExpectedPurchase(LocalDate.of(2026, 9, 21), 20,
                ExpectedPurchase.Basis.OWN_REPEAT_INTERVAL, LAST_ORDER));
        assertThat(expected(repeatBuyer(4, 20.5)).expectedOn()).as("half a day rounds up").isEqualTo(LocalDate.of(2026, 9, 22));
    }

    @Test
    void withFewerIntervalsTheTopCategorysTypicalIntervalIsUsed() {
        assertThat(expected(repeatBuyer(1, 5))).isEqualTo(new ExpectedPurchase(LocalDate.of(2026, 9, 29), 28,
                ExpectedPurchase.Basis.CATEGORY_TYPICAL_INTERVAL, LAST_ORDER));
        assertThat(expected(Profiles.customer().orders(1, LAST_ORDER, LAST_ORDER, "30").topCategory("BOOKS", "1")).expectedOn())
                .isEqualTo(LocalDate.of(2026, 10, 17));
    }

    @Test
    void withoutOwnIntervalsOrAKnownCategoryThereIsNoExpectation() {
        assertThat(TIMING.expectedNext(Profiles.customer().orders(1, LAST_ORDER, LAST_ORDER, "30").build(), TYPICAL)).isEmpty();
        assertThat(TIMING.expectedNext(Profiles.customer().orders(1, LAST_ORDER, LAST_ORDER, "30").topCategory("GARDEN", "1").build(), TYPICAL)).isEmpty();
        assertThat(TIMING.expectedNext(Profiles.customer().registered(LAST_ORDER).build(), TYPICAL)).isEmpty();
    }

    @Test
    void ordersSeveralTimesADayAreNoBasisForAReminder() {
        assertThat(expected(repeatBuyer(5, 0.2)).basis()).isEqualTo(ExpectedPurchase.Basis.CATEGORY_TYPICAL_INTERVAL);
    }

    @Test
    void theExpectedDateIsInTheShopsCalendar() {
        Instant lateEveningUtc = Instant.parse("2026-09-01T22:30:00Z");
        ProfileFacts p = Profiles.customer().orders(3, lateEveningUtc.minusSeconds(86_400L * 40), lateEveningUtc, "90")
                .repeatIntervals(2, 20).build();

        assertThat(new RepurchaseTiming(3, 7, 2, ZoneId.of("Asia/Shanghai")).expectedNext(p, Map.of()).orElseThrow().expectedOn())
                .as("06:30 on 2 September in Shanghai").isEqualTo(LocalDate.of(2026, 9, 22));
    }

    @Test
    void theReminderIsDueThreeDaysBeforeTheExpectedDate() {
        ExpectedPurchase expected = expected(repeatBuyer(2, 20)); // 21 September

        assertThat(TIMING.due(expected, Instant.parse("2026-09-17T23:59:59Z"), null)).isEmpty();
        assertThat(TIMING.due(expected, Instant.parse("2026-09-18T00:00:00Z"), null))
                .contains(new RepurchaseDue(LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 18), LAST_ORDER));
        assertThat(TIMING.due(expected, Instant.parse("2026-09-28T23:59:59Z"), null)).as("still due up to 7 days late").isPresent();
        assertThat(TIMING.due(expected, Instant.parse("2026-09-29T00:00:00Z"), null)).as("no longer due: lapsing").isEmpty();
        assertThat(new RepurchaseTiming(0, 7, 2, ZoneOffset.UTC).due(expected, Instant.parse("2026-09-20T12:00:00Z"), null))
                .as("no lead: due on the expected date").isEmpty();
    }

    @Test
    void theReminderIsPublishedOncePerCycleAndANewOrderStartsANewCycle() {
        ExpectedPurchase first = expected(repeatBuyer(2, 20));
        Instant afterDue = Instant.parse("2026-09-19T08:00:00Z");

        RepurchaseDue published = TIMING.due(first, afterDue, null).orElseThrow();
        assertThat(TIMING.due(first, afterDue.plusSeconds(3600), published.cycle())).as("already published for this order").isEmpty();

        Instant newOrder = Instant.parse("2026-09-20T09:00:00Z");
        ExpectedPurchase next = expected(Profiles.customer().orders(4, LAST_ORDER.minusSeconds(86_400L * 200), newOrder, "600")
                .repeatIntervals(3, 19));
        assertThat(next.expectedOn()).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(TIMING.due(next, Instant.parse("2026-10-05T23:00:00Z"), published.cycle())).isEmpty();
        assertThat(TIMING.due(next, Instant.parse("2026-10-06T00:00:00Z"), published.cycle()))
                .get().extracting(RepurchaseDue::cycle).isEqualTo(newOrder);
    }
}
