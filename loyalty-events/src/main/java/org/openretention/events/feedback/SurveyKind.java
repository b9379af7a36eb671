package org.openretention.events.feedback;

/** The two surveys: Net Promoter Score (0-10) and customer satisfaction with a touchpoint (1-5). */
public enum SurveyKind {
    NPS, CSAT
}
