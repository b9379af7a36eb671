package org.openretention.feedback.alert;

import org.openretention.feedback.text.WordMatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A watch list: words (e.g. "爆炸", "假货", "fake", "refund") that raise an alert when a review, comment or complaint
 * contains one, for every product or for one category or SKU. Words match as {@link WordMatch} says; their patterns
 * are compiled once, when the list is made, not for each text.
 */
public final class KeywordWatch {

    private final String name;
    private final List<String> words;
    private final List<Pattern> patterns;
    private final String scope;

    /**
     * @param name  the rule's name, shown with its alerts
     * @param words the watched words
     * @param scope null for every text, otherwise a category or SKU the text must be about
     */
    public KeywordWatch(String name, List<String> words, String scope) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a watch list needs a name");
        }
        if (words == null || words.isEmpty()) {
            throw new IllegalArgumentException("a watch list needs words");
        }
        this.name = name;
        this.words = List.copyOf(words);
        this.patterns = this.words.stream().map(WordMatch::of).toList(); // a blank word is refused here, not when a text comes
        this.scope = scope;
    }

    public String name() {
        return name;
    }

    public List<String> words() {
        return words;
    }

    public String scope() {
        return scope;
    }

    /** The watched words {@code text} contains, if it is in scope ({@code about}: the text's categories and SKU). */
    public Optional<List<String>> match(String text, List<String> about) {
        if (scope != null && (about == null || !about.contains(scope))) {
            return Optional.empty();
        }
        String normalised = WordMatch.normalise(text);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (patterns.get(i).matcher(normalised).find()) {
                found.add(words.get(i));
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(found));
    }
}
