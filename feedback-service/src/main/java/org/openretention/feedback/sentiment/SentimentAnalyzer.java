package org.openretention.feedback.sentiment;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openretention.events.feedback.FeedbackAspect;
import org.openretention.events.feedback.SentimentLabel;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexicon- and rule-based sentiment of a short text in Chinese, English or both (a review, a comment, a complaint):
 * plain Java, no model to train, the same answer for the same text.
 *
 * <ol>
 *   <li>Emoticons and emoji are scored and taken out; a rating ("4 stars", "五星", "1/5") counts as a word of its own.</li>
 *   <li>The text is cut into clauses at punctuation and at contrast words ("但是", "but"), and each clause into words:
 *       Chinese runs by Lucene's smart Chinese tokenizer (an HMM over its bundled dictionary), the rest at letters,
 *       lower-cased, apostrophes dropped ("don't" is "dont").</li>
 *   <li>A sentiment word adds its weight (the lexicon's, -3 to 3), scaled by degree words in the three words before it
 *       ("非常", "very"), and flipped and damped (×{@value #NEGATION}) by an odd number of negators there ("不", "not").
 *       A negated degree ("不太好", "not very good") weakens instead of strengthening.</li>
 *   <li>A contrast halves what came before it and makes the clause after it weigh {@value #AFTER_CONTRAST} times.</li>
 *   <li>Exclamation marks strengthen the total a little; the score is {@code total / sqrt(total² + }{@value #ALPHA}{@code )},
 *       in (-1, 1), and POSITIVE or NEGATIVE beyond ±{@value #NEUTRAL_BAND}.</li>
 *   <li>An aspect is scored by the clauses that name it (the lexicon's aspect words).</li>
 * </ol>
 */
public final class SentimentAnalyzer {

    static final double NEGATION = -0.75;
    static final double NEGATED_DEGREE = 0.5;
    static final double AFTER_CONTRAST = 1.5;
    static final double BEFORE_CONTRAST = 0.5;
    static final double ALPHA = 4;
    static final double NEUTRAL_BAND = 0.05;
    private static final int WINDOW = 3;
    private static final double EXCLAMATION = 0.08;

    private static final Pattern CLAUSE_END = Pattern.compile("[，,。.!！?？;；~～…\\n\\r]+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    private static final Pattern LATIN_LETTERS = Pattern.compile("[A-Za-z]+");
    private static final Pattern LATIN_WORD = Pattern.compile("[a-z]+(?:'[a-z]+)*|\\d+(?:/\\d+)?");
    private static final Pattern STARS_EN = Pattern.compile(
            "(?i)\\b([0-5]|zero|one|two|three|four|five)\\s*(?:/\\s*5\\s*)?(?:stars?)\\b|\\b([0-5])\\s*/\\s*5\\b");
    private static final Pattern STARS_ZH = Pattern.compile("([0-5一二三四五])\\s*(?:颗)?星");

    private final Lexicon lexicon;

    public SentimentAnalyzer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The label of a score in [-1, 1]: beyond ±{@value #NEUTRAL_BAND} it has a polarity. */
    static SentimentLabel label(double score) {
        return score > NEUTRAL_BAND ? SentimentLabel.POSITIVE : score < -NEUTRAL_BAND ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
    }

    public Sentiment analyze(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        Language language = language(text);
        double extra = 0;
        String rest = text;
        for (Map.Entry<String, Double> emoticon : lexicon.emoticons().entrySet()) {
            int count = count(rest, emoticon.getKey());
            if (count > 0) {
                extra += count * emoticon.getValue();
                rest = rest.replace(emoticon.getKey(), " ");
            }
        }
        Matcher stars = STARS_EN.matcher(rest);
        while (stars.find()) {
            extra += rating(stars.group(1) != null ? stars.group(1) : stars.group(2));
        }
        rest = STARS_EN.matcher(rest).replaceAll(" ");
        Matcher zhStars = STARS_ZH.matcher(rest);
        while (zhStars.find()) {
            extra += rating(zhStars.group(1));
        }
        rest = STARS_ZH.matcher(rest).replaceAll(" ");

        List<Clause> clauses = clauses(rest);
        double total = 0;
        Map<FeedbackAspect, Double> aspectTotals = new EnumMap<>(FeedbackAspect.class);
        List<Double> scores = new ArrayList<>();
        for (Clause clause : clauses) {
            if (clause.afterContrast()) {
                for (int i = 0; i < scores.size(); i++) {
                    scores.set(i, scores.get(i) * BEFORE_CONTRAST);
                }
            }
            scores.add(score(clause.words()) * (clause.afterContrast() ? AFTER_CONTRAST : 1));
        }
        for (int i = 0; i < clauses.size(); i++) {
            total += scores.get(i);
            Set<FeedbackAspect> named = EnumSet.noneOf(FeedbackAspect.class);
            for (String word : clauses.get(i).words()) {
                FeedbackAspect aspect = lexicon.aspect(word);
                if (aspect != null) {
                    named.add(aspect);
                }
            }
            for (FeedbackAspect aspect : named) {
                aspectTotals.merge(aspect, scores.get(i), Double::sum);
            }
        }
        total += extra;
        int exclamations = Math.min(4, count(text, "!") + count(text, "！"));
        total *= 1 + EXCLAMATION * exclamations;
        double score = normalise(total);
        List<Sentiment.AspectSentiment> aspects = new ArrayList<>();
        aspectTotals.forEach((aspect, sum) -> {
            double s = normalise(sum);
            aspects.add(new Sentiment.AspectSentiment(aspect, SentimentAnalyzer.label(s), s));
        });
        return new Sentiment(SentimentAnalyzer.label(score), score, language, aspects);
    }

    /** The sum of a clause's sentiment words, each with the negators and degree words before it. */
    private double score(List<String> words) {
        double sum = 0;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            Double weight = lexicon.weight(word);
            if (weight == null || lexicon.negator(word) || lexicon.degree(word) != null) {
                continue;
            }
            double factor = 1;
            int negations = 0;
            boolean degreeSeen = false;
            for (int j = i - 1; j >= Math.max(0, i - WINDOW); j--) {
                String before = words.get(j);
                if (lexicon.negator(before)) {
                    negations++;
                    if (degreeSeen) {
                        factor = Math.min(factor, NEGATED_DEGREE); // "not very good": the negation weakens
                    }
                } else if (lexicon.degree(before) != null) {
                    factor *= lexicon.degree(before);
                    degreeSeen = true;
                } else if (lexicon.weight(before) != null) {
                    break; // another sentiment word: its own modifiers are its own
                }
            }
            double contribution = weight * factor;
            if (negations % 2 == 1) {
                contribution *= NEGATION;
            }
            sum += contribution;
        }
        return sum;
    }

    private record Clause(List<String> words, boolean afterContrast) {
    }

    private List<Clause> clauses(String text) {
        List<Clause> clauses = new ArrayList<>();
        for (String part : CLAUSE_END.split(text)) {
            List<String> current = new ArrayList<>();
            boolean afterContrast = false;
            for (String word : joinListed(words(part))) {
                if (lexicon.contrast(word)) {
                    if (!current.isEmpty()) {
                        clauses.add(new Clause(current, afterContrast));
                    }
                    current = new ArrayList<>();
                    afterContrast = true;
                    if (lexicon.weight(word) != null) {
                        current.add(word); // "可惜": a contrast that also says something
                    }
                    continue;
                }
                current.add(word);
            }
            if (!current.isEmpty()) {
                clauses.add(new Clause(current, afterContrast));
            }
        }
        return clauses;
    }

    /**
     * The segmenter's tokens with the listed entries it split put back together: smartcn keeps a word whole only when its
     * own dictionary has it, so a listed word it does not know ("给力", "差评", "不满意") comes out in pieces and would
     * never match. At each position the longest run of up to {@value #JOIN_TOKENS} consecutive Chinese tokens (at most
     * {@value #JOIN_CHARS} characters) that is a listed entry becomes one word; otherwise the token stays as it is.
     */
    List<String> joinListed(List<String> tokens) {
        List<String> joined = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int take = 1;
            String word = tokens.get(i);
            if (han(word)) {
                StringBuilder run = new StringBuilder(word);
                for (int k = 1; k < JOIN_TOKENS && i + k < tokens.size() && han(tokens.get(i + k)); k++) {
                    run.append(tokens.get(i + k));
                    if (run.length() > JOIN_CHARS) {
                        break;
                    }
                    if (lexicon.listed(run.toString())) {
                        take = k + 1;
                        word = run.toString();
                    }
                }
            }
            joined.add(word);
            i += take;
        }
        return joined;
    }

    private static final int JOIN_TOKENS = 4;
    private static final int JOIN_CHARS = 6;

    private static boolean han(String token) {
        return !token.isEmpty() && Character.UnicodeScript.of(token.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    /** The words of a clause: Chinese runs segmented by Lucene's smart Chinese tokenizer, the rest split at letters. */
    static List<String> words(String clause) {
        List<String> words = new ArrayList<>();
        Matcher han = HAN.matcher(clause);
        int at = 0;
        while (han.find()) {
            latinWords(clause.substring(at, han.start()), words);
            chineseWords(han.group(), words);
            at = han.end();
        }
        latinWords(clause.substring(at), words);
        return words;
    }

    private static void latinWords(String text, List<String> words) {
        Matcher m = LATIN_WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            words.add(m.group().replace("'", ""));
        }
    }

    private static void chineseWords(String run, List<String> words) {
        try (Tokenizer tokenizer = new HMMChineseTokenizer()) {
            tokenizer.setReader(new StringReader(run));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                words.add(term.toString());
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chinese, English or both, by letters: a Chinese character counts one, an English word two. */
    static Language language(String text) {
        int han = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
            }
            i += Character.charCount(c);
        }
        Matcher latin = LATIN_LETTERS.matcher(text);
        int latinWords = 0;
        while (latin.find()) {
            latinWords++;
        }
        double zh = han;
        double en = 2.0 * latinWords;
        if (zh + en == 0) {
            return Language.UNKNOWN;
        }
        double minority = Math.min(zh, en) / (zh + en);
        if (minority >= 0.2) {
            return Language.MIXED;
        }
        return zh > en ? Language.ZH : Language.EN;
    }

    private static double rating(String value) {
        int stars = switch (value.toLowerCase(Locale.ROOT)) {
            case "zero" -> 0;
            case "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "一" -> 1;
            case "二" -> 2;
            case "三" -> 3;
            case "四" -> 4;
            case "五" -> 5;
            default -> Integer.parseInt(value);
        };
        return switch (stars) {
            case 0, 1 -> -2.5;
            case 2 -> -1.5;
            case 4 -> 1.5;
            case 5 -> 2.5;
            default -> 0;
        };
    }

    private static double normalise(double total) {
        return total / Math.sqrt(total * total + ALPHA);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
