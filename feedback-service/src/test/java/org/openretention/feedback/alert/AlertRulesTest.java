package org.openretention.feedback.alert;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keyword watch lists and the negative-review spike. */
class AlertRulesTest {

    @Test
    void aWatchListFindsItsWordsInScope() {
        KeywordWatch watch = new KeywordWatch("safety", List.of("爆炸", "fake", "refund"), null);
        assertThat(watch.match("充电宝爆炸了！", List.of())).contains(List.of("爆炸"));
        assertThat(watch.match("It's FAKE and I want a refund", List.of())).contains(List.of("fake", "refund"));
        assertThat(watch.match("refunded quickly, thanks", List.of())).as("whole words").isEmpty();
        assertThat(watch.match("很好用", List.of())).isEmpty();

        KeywordWatch oneSku = new KeywordWatch("power bank", List.of("发烫"), "sku-42");
        assertThat(oneSku.match("用了一会儿就发烫", List.of("ELECTRONICS", "sku-42"))).contains(List.of("发烫"));
        assertThat(oneSku.match("用了一会儿就发烫", List.of("ELECTRONICS", "sku-7"))).as("another product").isEmpty();

        assertThatThrownBy(() -> new KeywordWatch("x", List.of(" "), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeywordWatch("x", List.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSpikeNeedsEnoughNegativesAndAShareWellAboveTheBaseline() {
        NegativeSpike rule = NegativeSpike.defaults();
        assertThat(rule.check(4, 5, 10, 200)).as("too few").isEmpty();
        assertThat(rule.check(6, 20, 20, 200)).as("30 % against 10 %").isPresent()
                .get().satisfies(s -> assertThat(s.baselineShare()).isEqualTo(0.1));
        assertThat(rule.check(6, 40, 20, 200)).as("15 % against 10 %: not twice").isEmpty();
        assertThat(rule.check(5, 100, 0, 500)).as("5 % against 0 %: twice nothing is no lift").isEmpty();
        assertThat(rule.check(5, 10, 0, 0)).as("no baseline: 50 % against 0").isPresent();
        assertThatThrownBy(() -> rule.check(5, 4, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
