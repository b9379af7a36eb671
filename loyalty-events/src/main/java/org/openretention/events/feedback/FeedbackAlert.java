package org.openretention.events.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.Instant;

/**
 * Public-opinion monitoring raised an alert. Published by feedback-service on {@code feedback-events}; the envelope's
 * {@code customerId} is the author of the text that raised it (for a spike, of the text that tipped the share over).
 *
 * @param alertId       the stored alert's id in feedback-service
 * @param kind          KEYWORD (a watch list's word) or NEGATIVE_SPIKE (the negative share of the last hour against
 *                      the trailing baseline)
 * @param ruleId        the alert rule's id
 * @param ruleName      the alert rule's name
 * @param keyword       KEYWORD: the word found
 * @param sku           the product the text that raised it is about, if known
 * @param negatives     NEGATIVE_SPIKE: negative texts in the window
 * @param texts         NEGATIVE_SPIKE: texts in the window
 * @param share         NEGATIVE_SPIKE: the negative share in the window, 0..1
 * @param baselineShare NEGATIVE_SPIKE: the negative share of the trailing baseline, 0..1
 * @param windowStart   NEGATIVE_SPIKE: the start of the window
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackAlert(
        long alertId,
        Kind kind,
        long ruleId,
        String ruleName,
        String keyword,
        String sku,
        Long negatives,
        Long texts,
        Double share,
        Double baselineShare,
        Instant windowStart) implements EventPayload {

    public enum Kind {
        KEYWORD, NEGATIVE_SPIKE
    }
}
