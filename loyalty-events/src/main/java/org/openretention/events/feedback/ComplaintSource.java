package org.openretention.events.feedback;

/** Where a complaint came from: filed by support staff, or opened automatically from a strongly negative text. */
public enum ComplaintSource {
    /** Filed over the API by support staff, from any channel (phone, chat, e-mail, ...). */
    MANUAL,
    /** A product review ({@code InteractionRecorded} kind REVIEW). */
    REVIEW,
    /** A comment ({@code InteractionRecorded} kind COMMENT). */
    COMMENT,
    /** The comment of a detractor's NPS answer or of an unsatisfied CSAT answer. */
    SURVEY_COMMENT
}
