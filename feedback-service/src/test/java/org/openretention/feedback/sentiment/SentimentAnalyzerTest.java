package org.openretention.feedback.sentiment;

import org.junit.jupiter.api.Test;
import org.openretention.events.feedback.FeedbackAspect;
import org.openretention.events.feedback.SentimentLabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule of {@link SentimentAnalyzer}, in Chinese and English, on sentences written for these tests. */
class SentimentAnalyzerTest {

    private static final SentimentAnalyzer ANALYZER = new SentimentAnalyzer(Lexicon.bundled());

    private static Sentiment of(String text) {
        return ANALYZER.analyze(text);
    }

    @Test
    void sentimentWordsGiveThePolarity() {
        assertThat(of("质量很好").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(of("太失望了，垃圾").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("good").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(of("It broke after a week, what a waste").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("我今天收到了").label()).as("no sentiment word").isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(of("I received it on Tuesday").score()).isZero();
    }

    @Test
    void aNegatorFlipsAndWeakensTheWordAfterIt() {
        assertThat(of("质量不好").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("not good").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("没有问题").label()).as("no problem").isEqualTo(SentimentLabel.POSITIVE);
        assertThat(of("it doesn't disappoint").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(Math.abs(of("not good").score())).as("a negated word is weaker").isLessThan(of("good").score());
    }

    @Test
    void degreeWordsStrengthenAndANegatedDegreeWeakens() {
        assertThat(of("非常好").score()).isGreaterThan(of("好").score());
        assertThat(of("very good").score()).isGreaterThan(of("good").score());
        assertThat(of("有点慢").score()).as("a little slow").isNegative().isGreaterThan(of("慢").score());
        // "not very good" is milder than "not good", but still negative
        assertThat(of("不太好").score()).isNegative().isGreaterThan(of("不好").score());
        assertThat(of("not very good").score()).isNegative().isGreaterThan(of("not good").score());
    }

    @Test
    void theClauseAfterAContrastWeighsMore() {
        assertThat(of("东西不错，但是物流太慢了").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("物流太慢了，但是东西不错").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(of("The phone is great but the battery died after a week").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("The battery died but the phone is great").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(of("东西不错但是物流太慢了").label()).as("without a comma").isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void emoticonsAndRatingsCount() {
        assertThat(of("收到了 😍").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(of("arrived today :(").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("Great phone :)").score()).isGreaterThan(of("Great phone").score());
        assertThat(of("1 star, do not buy").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("2/5, would not order again").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("Five stars").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(of("给五星").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(of("只能给一星").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("好！！").score()).as("exclamation marks strengthen").isGreaterThan(of("好").score());
    }

    @Test
    void theLanguageIsChineseEnglishOrMixed() {
        assertThat(of("质量很好").language()).isEqualTo(Language.ZH);
        assertThat(of("Works great").language()).isEqualTo(Language.EN);
        assertThat(of("这个手机很好用, but the battery is bad").language()).isEqualTo(Language.MIXED);
        assertThat(of("这个耳机的 bass 效果很好，音质也清楚").language()).as("one English word in a Chinese sentence")
                .isEqualTo(Language.ZH);
        assertThat(of(":) !!!").language()).isEqualTo(Language.UNKNOWN);
        // mixed text: each part is read in its own language, and the contrast holds across them
        assertThat(of("这个手机很好用, but the battery is bad").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void aspectsCarryTheSentimentOfTheClausesThatNameThem() {
        Sentiment s = of("包装破损，但是客服态度很好");
        assertThat(s.aspects()).extracting(Sentiment.AspectSentiment::aspect)
                .containsExactly(FeedbackAspect.SERVICE_ATTITUDE, FeedbackAspect.PACKAGING);
        assertThat(s.aspects()).filteredOn(a -> a.aspect() == FeedbackAspect.PACKAGING).first()
                .extracting(Sentiment.AspectSentiment::label).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(s.aspects()).filteredOn(a -> a.aspect() == FeedbackAspect.SERVICE_ATTITUDE).first()
                .extracting(Sentiment.AspectSentiment::label).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(of("Shipping was fast and the price is fair").aspects()).extracting(Sentiment.AspectSentiment::aspect)
                .containsExactly(FeedbackAspect.PRICE, FeedbackAspect.LOGISTICS);
        assertThat(of("The refund took three weeks").aspects()).extracting(Sentiment.AspectSentiment::aspect)
                .containsExactly(FeedbackAspect.AFTER_SALES);
        assertThat(of("物流很快，价格实惠").aspects()).extracting(Sentiment.AspectSentiment::label)
                .containsOnly(SentimentLabel.POSITIVE);
    }

    @Test
    void wordFormsAndCompoundsFindTheirListedWord() {
        assertThat(of("it keeps crashing").label()).as("crash-ing").isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("it disappoints").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("stopped working after two days").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(Lexicon.bundled().weight("很满意")).as("a compound the segmenter keeps whole").isPositive();
    }

    @Test
    void listedWordsTheSegmenterSplitsArePutBackTogether() {
        // smartcn's dictionary has none of these: it cuts them into pieces, which alone are not (or differently) listed
        for (String word : java.util.List.of("给力", "差评", "回购")) {
            assertThat(SentimentAnalyzer.words("物流" + word)).as("the segmenter splits %s", word).doesNotContain(word);
            assertThat(ANALYZER.joinListed(SentimentAnalyzer.words("物流" + word))).as("rejoined").contains(word);
        }
        assertThat(of("物流给力").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(of("果断差评").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(of("还会回购").label()).isEqualTo(SentimentLabel.POSITIVE);
        // tokens that make no listed entry stay as they were
        assertThat(ANALYZER.joinListed(java.util.List.of("今天", "天气"))).containsExactly("今天", "天气");
        assertThat(ANALYZER.joinListed(java.util.List.of("not", "good"))).containsExactly("not", "good");
    }

    @Test
    void scoresStayWithinMinusOneAndOne() {
        String furious = "垃圾垃圾垃圾，骗子，假货，差评！！！ worst scam ever 😡😡😡";
        assertThat(of(furious).score()).isBetween(-1.0, -0.95);
        assertThat(of("完美 perfect excellent 😍😍 五星").score()).isBetween(0.95, 1.0);
    }

    @Test
    void blankTextIsRefused() {
        assertThatThrownBy(() -> of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
