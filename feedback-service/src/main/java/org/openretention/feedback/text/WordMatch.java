package org.openretention.feedback.text;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a listed word is found in a text, the same for every watch list: lower-cased; a word or number in Latin script
 * not inside a longer one ("sue" is not in "suet", "12315" is in "去12315投诉"); a Chinese word anywhere.
 */
public final class WordMatch {

    private WordMatch() {
    }

    /** The pattern that finds {@code word} in a lower-cased text. */
    public static Pattern of(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        if (w.isEmpty()) {
            throw new IllegalArgumentException("a watched word must not be blank");
        }
        boolean latin = w.chars().anyMatch(c -> c < 0x3000 && Character.isLetterOrDigit(c));
        return latin ? Pattern.compile("(?<![a-z0-9])" + Pattern.quote(w) + "(?![a-z0-9])") : Pattern.compile(Pattern.quote(w));
    }

    /** The text as the patterns read it. */
    public static String normalise(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
