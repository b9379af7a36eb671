package org.openretention.events.feedback;

/** Where an NPS answer falls: promoters 9-10, passives 7-8, detractors 0-6. */
public enum NpsCategory {
    PROMOTER, PASSIVE, DETRACTOR;

    /** The category of a score from 0 to 10. */
    public static NpsCategory of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("an NPS score is 0 to 10, was " + score);
        }
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }
}
