package org.openretention.feedback.survey;

/**
 * NPS and CSAT of a group of answers, each with a 95 % confidence interval, so that a figure from a handful of answers
 * looks as uncertain as it is. Plain arithmetic over counts; every report groups first and calls these.
 */
public final class SurveyStatistics {

    /** The two-sided 95 % quantile of the standard normal distribution. */
    static final double Z95 = 1.959963984540054;

    private SurveyStatistics() {
    }

    /**
     * An NPS figure.
     *
     * @param nps  100 × (promoters − detractors) / answers, from -100 to 100; null without answers
     * @param low  the lower end of its 95 % confidence interval, null without answers
     * @param high the upper end, null without answers
     */
    public record Nps(long answers, long promoters, long passives, long detractors, Double nps, Double low, Double high) {
    }

    /**
     * A CSAT figure.
     *
     * @param csat 100 × satisfied (4 or 5 of 5) / answers; null without answers
     */
    public record Csat(long answers, long satisfied, Double csat, Double low, Double high) {
    }

    /**
     * The NPS of the counts, with the adjusted-Wald interval of Rocks (2016, "Interval estimation for the 'net
     * promoter score'", The American Statistician 70(4)): three-quarters of an answer added to the promoters and to
     * the detractors and three answers to the total, then the Wald interval of a difference of two proportions of one
     * multinomial sample, {@code d ± z sqrt((p + q − d²) / n)}, clipped to [-100, 100] and widened to hold the NPS
     * itself. Its coverage stays near 95 % down to a few answers, where the plain Wald interval's collapses (all ten promoters: [100, 100]).
     */
    public static Nps nps(long promoters, long passives, long detractors) {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        long answers = promoters + passives + detractors;
        if (answers == 0) {
            return new Nps(0, 0, 0, 0, null, null, null);
        }
        double n = answers + 3.0;
        double p = (promoters + 0.75) / n;
        double q = (detractors + 0.75) / n;
        double d = p - q;
        double half = Z95 * Math.sqrt((p + q - d * d) / n);
        double nps = 100.0 * (promoters - detractors) / answers;
        // the adjusted interval is centred on the adjusted estimate: with very few answers it can leave out the NPS
        // itself (one detractor: -100, interval [-98.5, 48.5]); it is widened to keep it
        return new Nps(answers, promoters, passives, detractors, nps,
                Math.min(nps, 100 * Math.max(-1, d - half)), Math.max(nps, 100 * Math.min(1, d + half)));
    }

    /**
     * The CSAT of the counts, with the Wilson score interval (Wilson 1927), which stays inside [0, 100] and is not
     * empty when every answer or none is satisfied.
     */
    public static Csat csat(long answers, long satisfied) {
        if (answers < 0 || satisfied < 0 || satisfied > answers) {
            throw new IllegalArgumentException("need 0 <= satisfied <= answers: " + satisfied + " of " + answers);
        }
        if (answers == 0) {
            return new Csat(0, 0, null, null, null);
        }
        double p = satisfied / (double) answers;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / answers;
        double centre = (p + z2 / (2.0 * answers)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / answers + z2 / (4.0 * answers * answers)) / denominator;
        return new Csat(answers, satisfied, 100 * p, 100 * Math.max(0, centre - half), 100 * Math.min(1, centre + half));
    }

    /** Whether a CSAT answer (1 to 5) counts as satisfied: 4 or 5. */
    public static boolean satisfied(int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("a CSAT score is 1 to 5, not " + score);
        }
        return score >= 4;
    }
}
