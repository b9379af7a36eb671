package org.openretention.feedback.sentiment;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openretention.events.feedback.SentimentLabel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the accuracy of {@link SentimentAnalyzer} on the shared labelled review sets ({@code shared/datasets/sentiment},
 * next to the repository; skipped when absent). The sets only measure: the lexicons are not built from them (their
 * README). The floors guard against a change that makes the analysis worse; they are just below the measurement of
 * 2026-12-07 (Chinese 82.9 %, English 76.1 %), which is short of issue 15's target of 85 %. A NEUTRAL
 * answer counts as wrong: the sets have only positive and negative reviews.
 */
class SentimentAccuracyTest {

    private static final Path SETS = Path.of("..", "..", "shared", "datasets", "sentiment");

    record Accuracy(int texts, int right, int neutral) {
        double share() {
            return right / (double) texts;
        }
    }

    static Accuracy measure(SentimentAnalyzer analyzer, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.getFirst().split("\t"));
        int label = header.indexOf("label");
        int text = header.indexOf("text");
        int texts = 0;
        int right = 0;
        int neutral = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t");
            if (fields.length <= Math.max(label, text) || fields[text].isBlank()) {
                continue;
            }
            SentimentLabel expected = fields[label].strip().equals("1") ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE;
            SentimentLabel got = analyzer.analyze(fields[text]).label();
            texts++;
            right += got == expected ? 1 : 0;
            neutral += got == SentimentLabel.NEUTRAL ? 1 : 0;
        }
        return new Accuracy(texts, right, neutral);
    }

    @Test
    void accuracyOnTheSharedReviewSets() throws IOException {
        Path zh = locate("zh_shopping_reviews.tsv");
        Path en = locate("en_product_reviews.tsv");
        Assumptions.assumeTrue(zh != null && en != null, "shared/datasets/sentiment not found next to the repository");
        SentimentAnalyzer analyzer = new SentimentAnalyzer(Lexicon.bundled());
        Accuracy chinese = measure(analyzer, zh);
        Accuracy english = measure(analyzer, en);
        System.out.printf("sentiment accuracy: Chinese %.3f of %d (%d neutral), English %.3f of %d (%d neutral)%n",
                chinese.share(), chinese.texts(), chinese.neutral(), english.share(), english.texts(), english.neutral());
        assertThat(chinese.texts()).isEqualTo(2000);
        assertThat(english.texts()).isEqualTo(1000);
        assertThat(chinese.share()).isGreaterThan(0.81);
        assertThat(english.share()).isGreaterThan(0.74);
    }

    /**
     * Sentences a separate author wrote without seeing this code (test resources, {@code sentiment/README.md}); always
     * present. Measured on 2026-12-07: Chinese 89.2 % (target 85 %: met), English 79.2 % (not met); the floors guard
     * those.
     */
    @Test
    void accuracyOnSentencesWrittenIndependently() throws Exception {
        SentimentAnalyzer analyzer = new SentimentAnalyzer(Lexicon.bundled());
        Accuracy chinese = measure(analyzer, Path.of(getClass().getResource("/sentiment/independent-zh.tsv").toURI()));
        Accuracy english = measure(analyzer, Path.of(getClass().getResource("/sentiment/independent-en.tsv").toURI()));
        System.out.printf("sentiment accuracy, independent sentences: Chinese %.3f of %d (%d neutral), English %.3f of %d (%d neutral)%n",
                chinese.share(), chinese.texts(), chinese.neutral(), english.share(), english.texts(), english.neutral());
        assertThat(chinese.texts()).isEqualTo(120);
        assertThat(english.texts()).isEqualTo(120);
        assertThat(chinese.share()).isGreaterThanOrEqualTo(0.85);
        assertThat(english.share()).isGreaterThan(0.76);
    }

    /** The file in {@code shared/datasets/sentiment} beside the repository, from the module or the repository root. */
    static Path locate(String name) {
        for (Path base : List.of(SETS, Path.of("..", "shared", "datasets", "sentiment"))) {
            Path file = base.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }
}
