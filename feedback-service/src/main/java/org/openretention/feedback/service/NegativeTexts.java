package org.openretention.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.feedback.AspectSentiment;
import org.openretention.events.feedback.ComplaintSource;
import org.openretention.events.feedback.NegativeReviewDetected;
import org.openretention.feedback.config.FeedbackConfig;
import org.openretention.feedback.sentiment.Sentiment;
import org.openretention.feedback.store.Complaint;
import org.openretention.platform.messaging.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What follows a negative text (a review, a comment, a survey comment): at or below
 * {@code feedback.complaints.negative-threshold} a {@code NegativeReviewDetected}, and at or below
 * {@code automatic-threshold} a complaint opened by itself ({@link Complaints#fileAutomatically}), unless the text was
 * written more than {@code automatic-max-age} before now (a backfill of old reviews). Runs in the caller's transaction,
 * so the complaint and the events commit with the text.
 */
@ApplicationScoped
public class NegativeTexts {

    /** A text and where it came from. */
    public record Text(ComplaintSource source, String sourceRef, UUID sourceEventId, String customerId, String orderId, String sku,
                       Integer rating, String text, Sentiment sentiment, Instant writtenAt) {
    }

    @Inject
    Complaints complaints;
    @Inject
    Outbox outbox;
    @Inject
    FeedbackConfig config;
    @Inject
    Clock clock;

    /** @return the complaint the text opened or was linked to, or null */
    @Transactional(Transactional.TxType.MANDATORY)
    public Long handle(Text t) {
        double score = t.sentiment().score();
        if (score > config.complaints().negativeThreshold()) {
            return null;
        }
        Long complaintId = null;
        boolean recent = !t.writtenAt().isBefore(clock.instant().minus(config.complaints().automaticMaxAge()));
        if (score <= config.complaints().automaticThreshold() && recent) {
            Complaint c = complaints.fileAutomatically(t.source(), t.sourceRef(), t.customerId(), t.orderId(), t.sku(), t.text(),
                    t.sentiment(), t.writtenAt());
            complaintId = c.id;
        }
        List<AspectSentiment> aspects = t.sentiment().aspects().stream()
                .map(a -> new AspectSentiment(a.aspect(), a.label(), a.score()))
                .toList();
        outbox.publish(Topics.FEEDBACK_EVENTS, EventEnvelope.of(t.customerId(), t.writtenAt(), config.eventSource(),
                new NegativeReviewDetected(t.source(), t.sourceEventId(), t.sku(), t.orderId(), t.rating(), Math.min(0, score),
                        t.sentiment().language().name(), aspects, complaintId)));
        return complaintId;
    }
}
