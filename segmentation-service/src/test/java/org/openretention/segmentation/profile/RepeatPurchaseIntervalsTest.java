package org.openretention.segmentation.profile;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepeatPurchaseIntervalsTest {

    static final LocalDate D = LocalDate.of(2026, 1, 10);

    @Test
    void fewerThanTwoOrderDaysHaveNoInterval() {
        assertThat(RepeatPurchaseIntervals.between(List.of())).isEqualTo(RepeatPurchaseIntervals.NONE);
        assertThat(RepeatPurchaseIntervals.between(List.of(D))).isEqualTo(RepeatPurchaseIntervals.NONE);
        assertThat(RepeatPurchaseIntervals.between(List.of(D, D, D))).as("three orders on one day are one order day")
                .isEqualTo(RepeatPurchaseIntervals.NONE);
        assertThat(RepeatPurchaseIntervals.NONE.toFacts()).isEqualTo(ProfileFacts.RepeatIntervals.NONE);
    }

    @Test
    void anOddNumberOfGapsHasTheMiddleOneAsMedian() {
        // gaps 10, 2, 30 in date order
        RepeatPurchaseIntervals r = RepeatPurchaseIntervals.between(List.of(D.plusDays(12), D, D.plusDays(42), D.plusDays(10)));

        assertThat(r.count()).isEqualTo(3);
        assertThat(r.medianDays()).isEqualByComparingTo("10");
        assertThat(r.meanDays()).isEqualTo(new BigDecimal("14.00"));
        assertThat(r.toFacts()).isEqualTo(new ProfileFacts.RepeatIntervals(3, 10.0));
    }

    @Test
    void anEvenNumberOfGapsHasTheMeanOfTheTwoMiddleOnesAsMedian() {
        // gaps 3, 4, 20, 1
        RepeatPurchaseIntervals r = RepeatPurchaseIntervals.between(List.of(D, D.plusDays(3), D.plusDays(7), D.plusDays(27), D.plusDays(28)));

        assertThat(r.count()).isEqualTo(4);
        assertThat(r.medianDays()).isEqualTo(new BigDecimal("3.5"));
        assertThat(r.meanDays()).isEqualTo(new BigDecimal("7.00"));
    }

    @Test
    void repeatedDaysCountOnceAndTheMeanIsRoundedHalfUp() {
        // order days D, D+1, D+2, D+4 (with repetitions): gaps 1, 1, 2; mean 4/3
        RepeatPurchaseIntervals r = RepeatPurchaseIntervals.between(List.of(D, D.plusDays(1), D, D.plusDays(2), D.plusDays(4), D.plusDays(2)));

        assertThat(r.count()).isEqualTo(3);
        assertThat(r.meanDays()).isEqualTo(new BigDecimal("1.33"));
        assertThat(r.medianDays()).isEqualTo(new BigDecimal("1.0"));
        // 2 gaps spanning 5 days: 2.5 exactly
        assertThat(RepeatPurchaseIntervals.between(List.of(D, D.plusDays(1), D.plusDays(5))).meanDays()).isEqualTo(new BigDecimal("2.50"));
        assertThat(RepeatPurchaseIntervals.between(List.of(D, D.plusDays(1), D.plusDays(2), D.plusDays(3), D.plusDays(4),
                D.plusDays(5), D.plusDays(6), D.plusDays(13))).meanDays()).as("13 / 7 = 1.857").isEqualTo(new BigDecimal("1.86"));
    }

    @Test
    void meanAndMedianComeExactlyWithGaps() {
        assertThatThrownBy(() -> new RepeatPurchaseIntervals(2, null, BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RepeatPurchaseIntervals(0, BigDecimal.ONE, BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
    }
}
