package org.openretention.feedback.survey;

import org.junit.jupiter.api.Test;

import org.openretention.events.feedback.NpsCategory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * NPS and CSAT with their intervals against worked examples. The expected ends were computed apart from this code,
 * with Python's math module, from the published formulas (Rocks 2016 for NPS, Wilson 1927 for CSAT).
 */
class SurveyStatisticsTest {

    @Test
    void answersFallIntoTheirCategories() {
        assertThat(NpsCategory.of(0)).isEqualTo(NpsCategory.DETRACTOR);
        assertThat(NpsCategory.of(6)).isEqualTo(NpsCategory.DETRACTOR);
        assertThat(NpsCategory.of(7)).isEqualTo(NpsCategory.PASSIVE);
        assertThat(NpsCategory.of(8)).isEqualTo(NpsCategory.PASSIVE);
        assertThat(NpsCategory.of(9)).isEqualTo(NpsCategory.PROMOTER);
        assertThat(NpsCategory.of(10)).isEqualTo(NpsCategory.PROMOTER);
        assertThatThrownBy(() -> NpsCategory.of(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NpsCategory.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SurveyStatistics.satisfied(4)).isTrue();
        assertThat(SurveyStatistics.satisfied(3)).isFalse();
        assertThatThrownBy(() -> SurveyStatistics.satisfied(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void npsIsPromotersMinusDetractorsWithAnAdjustedWaldInterval() {
        SurveyStatistics.Nps hundred = SurveyStatistics.nps(50, 30, 20);
        assertThat(hundred.nps()).isEqualTo(30.0);
        assertThat(hundred.low()).isCloseTo(14.051130178761607, within(1e-9));
        assertThat(hundred.high()).isCloseTo(44.20129700570441, within(1e-9));

        // ten promoters of ten: an NPS of 100 that ten answers cannot pin down
        SurveyStatistics.Nps allPromoters = SurveyStatistics.nps(10, 0, 0);
        assertThat(allPromoters.nps()).isEqualTo(100.0);
        SurveyStatistics.Nps nine = SurveyStatistics.nps(9, 1, 0);
        assertThat(nine.nps()).isEqualTo(90.0);
        assertThat(nine.low()).isCloseTo(38.079226869568636, within(1e-9));
        assertThat(nine.high()).isEqualTo(100.0);
        assertThat(allPromoters.low()).isCloseTo(47.5035515447902, within(1e-9));
        assertThat(allPromoters.high()).isEqualTo(100.0);

        SurveyStatistics.Nps allDetractors = SurveyStatistics.nps(0, 0, 7);
        assertThat(allDetractors.nps()).isEqualTo(-100.0);
        assertThat(allDetractors.low()).isEqualTo(-100.0);
        assertThat(allDetractors.high()).isCloseTo(-32.81229806172632, within(1e-9));

        // one detractor: the adjusted interval alone would be [-98.5, 48.5], without the NPS of -100
        SurveyStatistics.Nps one = SurveyStatistics.nps(0, 0, 1);
        assertThat(one.nps()).isEqualTo(-100.0);
        assertThat(one.low()).isEqualTo(-100.0);
        assertThat(one.high()).isCloseTo(48.49864942025203, within(1e-9));

        // more answers, a narrower interval
        SurveyStatistics.Nps thousand = SurveyStatistics.nps(500, 300, 200);
        assertThat(thousand.high() - thousand.low()).isLessThan((hundred.high() - hundred.low()) / 3);

        assertThat(SurveyStatistics.nps(0, 0, 0).nps()).as("no answers, no figure").isNull();
    }

    @Test
    void csatIsTheSatisfiedShareWithAWilsonInterval() {
        SurveyStatistics.Csat fifty = SurveyStatistics.csat(50, 40);
        assertThat(fifty.csat()).isEqualTo(80.0);
        assertThat(fifty.low()).isCloseTo(66.9628940677746, within(1e-9));
        assertThat(fifty.high()).isCloseTo(88.7562499842239, within(1e-9));

        SurveyStatistics.Csat twelve = SurveyStatistics.csat(12, 3);
        assertThat(twelve.low()).isCloseTo(8.894166839405472, within(1e-9));
        assertThat(twelve.high()).isCloseTo(53.23053349335657, within(1e-9));

        // none satisfied of ten: the textbook Wilson interval [0, 27.75]
        SurveyStatistics.Csat none = SurveyStatistics.csat(10, 0);
        assertThat(none.low()).isEqualTo(0.0);
        assertThat(none.high()).isCloseTo(27.75, within(0.01));

        assertThat(SurveyStatistics.csat(5, 5).low()).isCloseTo(56.551753521682514, within(1e-9));
        assertThat(SurveyStatistics.csat(0, 0).csat()).isNull();
        assertThatThrownBy(() -> SurveyStatistics.csat(3, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
