package org.openretention.feedback.sentiment;

import org.openretention.events.feedback.FeedbackAspect;
import org.openretention.feedback.text.WordLists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word lists of the sentiment analysis, read from the class path ({@code sentiment/*.tsv}, the project's own lists:
 * {@code sentiment/README.md}). Words are kept lower-cased.
 */
public final class Lexicon {

    private final Map<String, Double> weights = new HashMap<>();
    private final Set<String> negators = new HashSet<>();
    private final Map<String, Double> degrees = new HashMap<>();
    private final Set<String> contrasts = new HashSet<>();
    private final Map<String, FeedbackAspect> aspects = new HashMap<>();
    /** Longest first, so that ":-)" is found before ":)". */
    private final Map<String, Double> emoticons = new LinkedHashMap<>();

    private Lexicon() {
    }

    /** The lists shipped with the service. */
    public static Lexicon bundled() {
        Lexicon lexicon = new Lexicon();
        for (String file : List.of("words-zh.tsv", "words-en.tsv")) {
            for (String[] row : rows(file, 2)) {
                lexicon.weights.put(key(row[0]), number(file, row[1]));
            }
        }
        rows("negators.tsv", 1).forEach(row -> lexicon.negators.add(key(row[0])));
        rows("degrees.tsv", 2).forEach(row -> lexicon.degrees.put(key(row[0]), number("degrees.tsv", row[1])));
        rows("contrasts.tsv", 1).forEach(row -> lexicon.contrasts.add(key(row[0])));
        rows("aspects.tsv", 2).forEach(row -> lexicon.aspects.put(key(row[1]), FeedbackAspect.valueOf(row[0])));
        List<String[]> emoticons = new ArrayList<>(rows("emoticons.tsv", 2));
        emoticons.sort(Comparator.comparingInt((String[] row) -> row[0].length()).reversed());
        emoticons.forEach(row -> lexicon.emoticons.put(row[0], number("emoticons.tsv", row[1])));
        return lexicon;
    }

    /**
     * A word's weight from -3 to 3, or null when it carries no sentiment. A word not in the lists is looked up by its
     * forms: an English word without its ending (-s, -es, -ed, -d, -ing, -ly, -er, -est: "disappoints", "crashing");
     * a Chinese word of three characters or more that the segmenter kept whole ("很满意", "太失望了") by the longest
     * listed word of two characters or more inside it.
     */
    Double weight(String word) {
        Double weight = weights.get(word);
        if (weight != null || word.isEmpty()) {
            return weight;
        }
        if (Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HAN) {
            return word.codePointCount(0, word.length()) >= 3 ? inside(word) : null;
        }
        for (String ending : ENDINGS) {
            if (word.length() > ending.length() + 2 && word.endsWith(ending)) {
                String stem = word.substring(0, word.length() - ending.length());
                weight = weights.get(stem);
                if (weight == null && stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
                    weight = weights.get(stem.substring(0, stem.length() - 1)); // "stopped" -> "stop"
                }
                if (weight == null && (ending.equals("ed") || ending.equals("ing") || ending.equals("er") || ending.equals("est"))) {
                    weight = weights.get(stem + "e"); // "disliked" -> "dislike"
                }
                if (weight != null) {
                    return weight;
                }
            }
        }
        return null;
    }

    private static final List<String> ENDINGS = List.of("ing", "est", "ed", "es", "er", "ly", "s", "d");

    /** The weight of the longest listed word of two or more characters inside a Chinese word, or null. */
    private Double inside(String word) {
        for (int length = word.length() - 1; length >= 2; length--) {
            for (int from = 0; from + length <= word.length(); from++) {
                Double weight = weights.get(word.substring(from, from + length));
                if (weight != null) {
                    return weight;
                }
            }
        }
        return null;
    }

    /**
     * Whether {@code word} is an entry of any list as written (a sentiment, negator, degree, contrast or aspect word), not
     * through its forms.
     */
    boolean listed(String word) {
        return weights.containsKey(word) || negators.contains(word) || degrees.containsKey(word) || contrasts.contains(word)
                || aspects.containsKey(word);
    }

    boolean negator(String word) {
        return negators.contains(word);
    }

    /** The factor a degree word puts on the next sentiment word, or null. */
    Double degree(String word) {
        return degrees.get(word);
    }

    boolean contrast(String word) {
        return contrasts.contains(word);
    }

    FeedbackAspect aspect(String word) {
        return aspects.get(word);
    }

    Map<String, Double> emoticons() {
        return emoticons;
    }

    /** Aspects by their words, for documentation and tests. */
    Map<FeedbackAspect, List<String>> aspectWords() {
        Map<FeedbackAspect, List<String>> byAspect = new EnumMap<>(FeedbackAspect.class);
        aspects.forEach((word, aspect) -> byAspect.computeIfAbsent(aspect, a -> new ArrayList<>()).add(word));
        return byAspect;
    }

    private static String key(String word) {
        return word.strip().toLowerCase(Locale.ROOT);
    }

    private static double number(String file, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("sentiment/" + file + ": not a number: " + value, e);
        }
    }

    private static List<String[]> rows(String file, int fields) {
        return WordLists.rows("sentiment/" + file, fields);
    }
}
