package org.openretention.simulator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    /** Per polarity: one or two filled-in template sentences of that polarity, as one regex. */
    private static final Pattern POSITIVE = composed(Texts.REVIEW_POSITIVE_ZH, Texts.REVIEW_POSITIVE_EN);
    private static final Pattern NEUTRAL = composed(Texts.REVIEW_NEUTRAL_ZH, Texts.REVIEW_NEUTRAL_EN);
    private static final Pattern NEGATIVE = composed(Texts.REVIEW_NEGATIVE_ZH, Texts.REVIEW_NEGATIVE_EN);

    private static Pattern composed(String[]... pools) {
        List<String> alternatives = new ArrayList<>();
        for (String[] pool : pools) {
            for (String template : pool) {
                String[] parts = template.split("\\{p}", -1);
                StringBuilder re = new StringBuilder();
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        re.append(".+?");
                    }
                    re.append(Pattern.quote(parts[i]));
                }
                alternatives.add(re.toString());
            }
        }
        String one = "(?:" + String.join("|", alternatives) + ")";
        return Pattern.compile(one + "(?: ?" + one + ")?");
    }

    static String polarityOfRating(int rating) {
        return rating >= 4 ? "positive" : rating == 3 ? "neutral" : "negative";
    }

    /** Which polarity's templates make up the whole text (one or two sentences), or "mixed"/"unknown". */
    static String polarityOf(String text) {
        boolean positive = POSITIVE.matcher(text).matches();
        boolean neutral = NEUTRAL.matcher(text).matches();
        boolean negative = NEGATIVE.matcher(text).matches();
        int n = (positive ? 1 : 0) + (neutral ? 1 : 0) + (negative ? 1 : 0);
        if (n != 1) {
            return n == 0 ? "unknown" : "mixed";
        }
        return positive ? "positive" : neutral ? "neutral" : "negative";
    }

    @Test
    void thereAreAFewDozenTemplatesPerLanguageAndPolarity() {
        assertThat(Texts.REVIEW_POSITIVE_ZH).hasSizeGreaterThanOrEqualTo(24);
        assertThat(Texts.REVIEW_NEGATIVE_ZH).hasSizeGreaterThanOrEqualTo(24);
        assertThat(Texts.REVIEW_POSITIVE_EN).hasSizeGreaterThanOrEqualTo(24);
        assertThat(Texts.REVIEW_NEGATIVE_EN).hasSizeGreaterThanOrEqualTo(24);
        assertThat(Texts.REVIEW_NEUTRAL_ZH).hasSizeGreaterThanOrEqualTo(10);
        assertThat(Texts.REVIEW_NEUTRAL_EN).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void reviewTextsMatchTheRatingAndLanguage() {
        CustomerRandom rng = new CustomerRandom(5);
        for (int i = 0; i < 300; i++) {
            int rating = 1 + i % 5;
            boolean zh = i % 2 == 0;
            String text = Texts.review(rating, zh, zh ? "耳机" : "headphones", rng);
            assertThat(text).isNotBlank();
            assertThat(ShopSimulationTest.containsChinese(text)).isEqualTo(zh);
            assertThat(polarityOf(text)).as(text).isEqualTo(polarityOfRating(rating));
        }
    }
}
