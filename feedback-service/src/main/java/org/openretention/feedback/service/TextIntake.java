package org.openretention.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.feedback.ComplaintSource;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;
import org.openretention.feedback.sentiment.Sentiment;
import org.openretention.feedback.sentiment.SentimentAnalyzer;
import org.openretention.feedback.store.CustomerText;
import org.openretention.platform.messaging.EventConsumer;
import org.openretention.platform.messaging.EventHandler;

import java.util.stream.Collectors;

/**
 * The texts of {@code interactions} (use case {@value #CONSUMER}): each REVIEW, COMMENT and SERVICE_CONTACT with a text is
 * read for sentiment and aspects once and stored ({@link CustomerText}); a negative review or comment goes on to
 * {@link NegativeTexts} (event, automatic complaint) and every text to the alert rules ({@link Alerts}). Other
 * interactions (views, cart adds, likes, ...) carry no text: they are skipped at the cost of decoding them.
 */
@ApplicationScoped
@EventConsumer(name = TextIntake.CONSUMER, topics = Topics.INTERACTIONS)
public class TextIntake implements EventHandler {

    static final String CONSUMER = "texts";

    @Inject
    SentimentAnalyzer analyzer;
    @Inject
    NegativeTexts negative;
    @Inject
    Alerts alerts;

    @Override
    public void apply(EventEnvelope<?> event) {
        if (!(event.payload() instanceof InteractionRecorded i) || i.text() == null || i.text().isBlank()
                || !(i.kind() == InteractionKind.REVIEW || i.kind() == InteractionKind.COMMENT || i.kind() == InteractionKind.SERVICE_CONTACT)) {
            return;
        }
        Sentiment s = analyzer.analyze(i.text());
        CustomerText t = new CustomerText();
        t.eventId = event.eventId();
        t.customerId = event.customerId();
        t.kind = i.kind().name();
        t.sku = i.sku();
        t.category = i.category();
        t.orderId = i.orderId();
        t.rating = i.rating() == null ? null : i.rating().shortValue();
        t.touchpoint = i.touchpoint() == null ? null : i.touchpoint().name();
        t.text = i.text();
        t.language = s.language().name();
        t.sentiment = s.label();
        t.score = s.score();
        t.aspects = s.aspects().stream().map(a -> a.aspect().name() + ":" + a.label().name()).collect(Collectors.joining(","));
        t.writtenAt = event.occurredAt();
        if (i.kind() != InteractionKind.SERVICE_CONTACT) {
            // a service contact is support's already: its note is kept and counted, not turned into another complaint
            t.complaintId = negative.handle(new NegativeTexts.Text(i.kind() == InteractionKind.REVIEW ? ComplaintSource.REVIEW : ComplaintSource.COMMENT,
                    event.eventId().toString(), event.eventId(), event.customerId(), i.orderId(), i.sku(), i.rating(), i.text(), s,
                    event.occurredAt()));
        }
        t.persist();
        alerts.onText(t);
    }
}
