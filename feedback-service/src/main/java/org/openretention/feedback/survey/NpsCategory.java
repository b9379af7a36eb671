package org.openretention.feedback.survey;

/** Where an NPS answer (0 to 10, "how likely are you to recommend us") falls. */
public enum NpsCategory {
    /** 0 to 6. */
    DETRACTOR,
    /** 7 or 8. */
    PASSIVE,
    /** 9 or 10. */
    PROMOTER;

    public static NpsCategory of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("an NPS score is 0 to 10, not " + score);
        }
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }
}
