package org.openretention.feedback.complaint;

/** How urgent a complaint is; decides its first-contact deadline and who hears of it. */
public enum Severity {
    /** First contact within 2 business hours. */
    NORMAL,
    /** First contact within 30 minutes, around the clock. */
    URGENT,
    /** Escalated to management at once; first contact within 30 minutes, around the clock. */
    MAJOR
}
