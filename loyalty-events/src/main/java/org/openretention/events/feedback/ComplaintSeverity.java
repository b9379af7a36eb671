package org.openretention.events.feedback;

/**
 * How serious a complaint is. NORMAL: first contact within 2 hours of business time; URGENT: within 30 minutes around
 * the clock; MAJOR: escalated to management at once and contacted within 30 minutes around the clock.
 */
public enum ComplaintSeverity {
    NORMAL, URGENT, MAJOR
}
