import org.openretention.feedback.sentiment.Lexicon;
import org.openretention.feedback.sentiment.Sentiment;
import org.openretention.feedback.sentiment.SentimentAnalyzer;
import org.openretention.feedback.sentiment.SentimentLabel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The sentiment part of issue 15's benchmark: accuracy and per-class precision and recall per language on labelled
 * sets, and texts per second on one thread (run.sh pins the JVM to one core). Run by benchmarks/feedback/run.sh with the
 * feedback-service jar built from this worktree on the class path, so it measures the code of the same commit.
 *
 * Usage: java -cp <service jars> SentimentBench.java --set NAME=FILE ... [--passes N] [--warmup N]
 * Prints a Markdown report on stdout.
 */
public class SentimentBench {

    record Text(boolean positive, String text) {
    }

    public static void main(String[] args) throws IOException {
        List<String[]> sets = new ArrayList<>();
        int passes = 5;
        int warmup = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--set" -> sets.add(args[++i].split("=", 2));
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SentimentAnalyzer analyzer = new SentimentAnalyzer(Lexicon.bundled());
        StringBuilder accuracy = new StringBuilder();
        StringBuilder speed = new StringBuilder();
        accuracy.append("| set | texts | accuracy | NEUTRAL answers | positive precision | positive recall | negative precision | negative recall |\n");
        accuracy.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        speed.append("| set | texts | texts/s, one thread (median of ").append(passes).append(" passes after ").append(warmup)
                .append(" warm-up passes) | spread |\n| --- | ---: | ---: | --- |\n");
        for (String[] set : sets) {
            Path file = Path.of(set[1]);
            if (!Files.isRegularFile(file)) {
                accuracy.append("| ").append(set[0]).append(" | not found: ").append(set[1]).append(" | | | | | | |\n");
                continue;
            }
            List<Text> texts = read(file);
            int tp = 0, fp = 0, tn = 0, fn = 0, neutral = 0;
            for (Text t : texts) {
                SentimentLabel label = analyzer.analyze(t.text()).label();
                if (label == SentimentLabel.NEUTRAL) {
                    neutral++;
                } else if (label == SentimentLabel.POSITIVE) {
                    if (t.positive()) tp++; else fp++;
                } else {
                    if (!t.positive()) tn++; else fn++;
                }
            }
            long positives = texts.stream().filter(Text::positive).count();
            long negatives = texts.size() - positives;
            accuracy.append(String.format(Locale.ROOT, "| %s | %,d | %.1f %% | %,d | %.1f %% | %.1f %% | %.1f %% | %.1f %% |%n", set[0], texts.size(),
                    100.0 * (tp + tn) / texts.size(), neutral, pct(tp, tp + fp), pct(tp, positives), pct(tn, tn + fn), pct(tn, negatives)));
            double[] rates = new double[passes];
            for (int p = 0; p < warmup + passes; p++) {
                long start = System.nanoTime();
                double sink = 0;
                for (Text t : texts) {
                    Sentiment s = analyzer.analyze(t.text());
                    sink += s.score();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (p >= warmup) {
                    rates[p - warmup] = texts.size() / seconds;
                }
                if (sink == Double.MAX_VALUE) {
                    System.out.print("");
                }
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            speed.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f–%,.0f |%n", set[0], texts.size(), sorted[sorted.length / 2],
                    sorted[0], sorted[sorted.length - 1]));
        }
        System.out.println("## Accuracy\n\nA NEUTRAL answer counts as wrong: the sets hold only positive and negative texts.\n");
        System.out.println(accuracy);
        System.out.println("## Throughput\n");
        System.out.println(speed);
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? Double.NaN : 100.0 * part / whole;
    }

    private static List<Text> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.getFirst().split("\t"));
        int label = header.indexOf("label");
        int text = header.indexOf("text");
        List<Text> texts = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length > Math.max(label, text) && !f[text].isBlank()) {
                texts.add(new Text(f[label].strip().equals("1"), f[text]));
            }
        }
        return texts;
    }
}
