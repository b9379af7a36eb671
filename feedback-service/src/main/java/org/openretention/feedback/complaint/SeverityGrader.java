package org.openretention.feedback.complaint;

import org.openretention.events.feedback.ComplaintSeverity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.openretention.feedback.text.WordLists;
import org.openretention.feedback.text.WordMatch;

/**
 * Grades a complaint from its text and its circumstances, with the reasons, for the complaint's audit trail:
 * <ul>
 *   <li>a safety hazard in the text (fire, injury, poisoning, electric shock: {@code sentiment/severity.tsv}) makes it
 *       MAJOR at once;</li>
 *   <li>otherwise points: fraud, a legal threat and media exposure in the text 2 each; a sentiment score at or below
 *       {@value #STRONGLY_NEGATIVE} 1; a high-net-worth customer 1; one earlier complaint in the look-back 1, two or
 *       more 2; a complaint made in public (a review, a social post) 1;</li>
 *   <li>{@value #MAJOR_POINTS} points or more MAJOR, {@value #URGENT_POINTS} or more URGENT, otherwise NORMAL.</li>
 * </ul>
 * Words match as {@link WordMatch} says.
 */
public final class SeverityGrader {

    static final double STRONGLY_NEGATIVE = -0.8;
    static final int URGENT_POINTS = 2;
    static final int MAJOR_POINTS = 4;

    /** What the grade is decided from. */
    public record Complaint(String text, double sentimentScore, boolean highNetWorth, int earlierComplaints, boolean inPublic) {
    }

    /** The grade and why. */
    public record Grade(ComplaintSeverity severity, int points, List<String> reasons) {
        public Grade {
            reasons = List.copyOf(reasons);
        }
    }

    enum Kind { SAFETY, FRAUD, LEGAL, MEDIA }

    /** A watched word and the pattern that finds it. */
    private record Word(String word, Pattern pattern) {
    }

    private final Map<Kind, List<Word>> words = new EnumMap<>(Kind.class);

    private SeverityGrader() {
    }

    /** The grader with the word lists shipped with the service. */
    public static SeverityGrader bundled() {
        SeverityGrader grader = new SeverityGrader();
        for (String[] row : WordLists.rows("sentiment/severity.tsv", 2)) {
            String word = row[1].strip().toLowerCase(Locale.ROOT);
            grader.words.computeIfAbsent(Kind.valueOf(row[0]), k -> new ArrayList<>()).add(new Word(word, WordMatch.of(word)));
        }
        return grader;
    }

    public Grade grade(Complaint complaint) {
        String text = WordMatch.normalise(complaint.text());
        List<String> reasons = new ArrayList<>();
        String hazard = found(Kind.SAFETY, text);
        if (hazard != null) {
            reasons.add("safety: \"" + hazard + "\"");
            return new Grade(ComplaintSeverity.MAJOR, MAJOR_POINTS, reasons);
        }
        int points = 0;
        for (Kind kind : List.of(Kind.FRAUD, Kind.LEGAL, Kind.MEDIA)) {
            String word = found(kind, text);
            if (word != null) {
                points += 2;
                reasons.add(kind.name().toLowerCase(Locale.ROOT) + ": \"" + word + "\"");
            }
        }
        if (complaint.sentimentScore() <= STRONGLY_NEGATIVE) {
            points += 1;
            reasons.add(String.format(Locale.ROOT, "strongly negative (%.2f)", complaint.sentimentScore()));
        }
        if (complaint.highNetWorth()) {
            points += 1;
            reasons.add("high-net-worth customer");
        }
        if (complaint.earlierComplaints() > 0) {
            points += Math.min(2, complaint.earlierComplaints());
            reasons.add(complaint.earlierComplaints() + " earlier complaint(s)");
        }
        if (complaint.inPublic()) {
            points += 1;
            reasons.add("made in public");
        }
        ComplaintSeverity severity = points >= MAJOR_POINTS ? ComplaintSeverity.MAJOR : points >= URGENT_POINTS ? ComplaintSeverity.URGENT : ComplaintSeverity.NORMAL;
        return new Grade(severity, points, reasons);
    }

    private String found(Kind kind, String text) {
        for (Word word : words.getOrDefault(kind, List.of())) {
            if (word.pattern().matcher(text).find()) {
                return word.word();
            }
        }
        return null;
    }
}
