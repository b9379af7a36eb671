package org.openretention.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.openretention.events.EventEnvelope;
import org.openretention.events.Topics;
import org.openretention.events.feedback.FeedbackAlert;
import org.openretention.events.feedback.SentimentLabel;
import org.openretention.feedback.alert.KeywordWatch;
import org.openretention.feedback.alert.NegativeSpike;
import org.openretention.feedback.config.FeedbackConfig;
import org.openretention.feedback.store.Alert;
import org.openretention.feedback.store.AlertRule;
import org.openretention.feedback.store.CustomerText;
import org.openretention.platform.messaging.Outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Public-opinion monitoring over the texts that come in: keyword watch lists ({@link KeywordWatch}) and negative-share
 * spikes ({@link NegativeSpike}), each an {@link AlertRule}. An alert is stored and published as {@code FeedbackAlert}
 * in the transaction of the text. Windows are in event time (the texts' {@code writtenAt}), so a replay raises what the
 * first pass raised. A keyword raises one alert per rule and word within an hour either side, later texts counted on it;
 * a spike rule likewise one alert.
 */
@ApplicationScoped
public class Alerts {

    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration BASELINE = Duration.ofHours(24);
    /** How long the enabled rules are kept in memory before they are read again (other instances' changes). */
    static final Duration RULES_TTL = Duration.ofSeconds(10);

    private record Rules(List<AlertRule> rules, List<KeywordWatch> watches, Instant readAt) {
    }

    @Inject
    EntityManager entityManager;
    @Inject
    Outbox outbox;
    @Inject
    FeedbackConfig config;
    @Inject
    Clock clock;

    private volatile Rules cached;

    /** Forgets the cached rules: the next text reads them again (after a change through the API). */
    public void rulesChanged() {
        cached = null;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onText(CustomerText text) {
        Rules rules = rules();
        List<String> about = new ArrayList<>(2);
        if (text.sku != null) {
            about.add(text.sku);
        }
        if (text.category != null) {
            about.add(text.category);
        }
        for (int i = 0; i < rules.rules().size(); i++) {
            AlertRule rule = rules.rules().get(i);
            if (rule.kind == FeedbackAlert.Kind.KEYWORD) {
                Optional<List<String>> found = rules.watches().get(i).match(text.text, about);
                found.ifPresent(words -> words.forEach(word -> keyword(rule, word, text)));
            } else if (text.sentiment == SentimentLabel.NEGATIVE && !"SERVICE_CONTACT".equals(text.kind)
                    && (rule.scope == null || about.contains(rule.scope))) {
                spike(rule, text);
            }
        }
    }

    private void keyword(AlertRule rule, String word, CustomerText text) {
        Optional<Alert> recent = Alert.find("ruleId = ?1 and keyword = ?2 and raisedAt > ?3 and raisedAt < ?4 order by raisedAt desc",
                rule.id, word, text.writtenAt.minus(WINDOW), text.writtenAt.plus(WINDOW)).firstResultOptional();
        if (recent.isPresent()) {
            recent.get().occurrences++;
            return;
        }
        Alert a = alert(rule, text);
        a.keyword = word;
        a.persist();
        publish(a, rule, text);
    }

    private void spike(AlertRule rule, CustomerText text) {
        Instant windowStart = text.writtenAt.minus(WINDOW);
        // texts arrive out of event-time order: an alert of the rule within an hour either side is the same spike
        if (Alert.count("ruleId = ?1 and raisedAt > ?2 and raisedAt < ?3", rule.id, windowStart, text.writtenAt.plus(WINDOW)) > 0) {
            return;
        }
        String scope = rule.scope == null ? "" : " AND (sku = :scope OR category = :scope)";
        var query = entityManager.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE written_at > :windowStart AND sentiment = 'NEGATIVE'),
                               count(*) FILTER (WHERE written_at > :windowStart),
                               count(*) FILTER (WHERE written_at <= :windowStart AND sentiment = 'NEGATIVE'),
                               count(*) FILTER (WHERE written_at <= :windowStart)
                        FROM customer_text
                        WHERE kind IN ('REVIEW', 'COMMENT') AND written_at > :baselineStart AND written_at <= :at""" + scope)
                .setParameter("windowStart", utc(windowStart))
                .setParameter("baselineStart", utc(windowStart.minus(BASELINE)))
                .setParameter("at", utc(text.writtenAt));
        if (rule.scope != null) {
            query.setParameter("scope", rule.scope);
        }
        Object[] row = (Object[]) query.getSingleResult();
        NegativeSpike detector = new NegativeSpike(rule.minNegatives, rule.factor, rule.minLift);
        detector.check(n(row[0]), n(row[1]), n(row[2]), n(row[3])).ifPresent(s -> {
            Alert a = alert(rule, text);
            a.negatives = s.negatives();
            a.texts = s.reviews();
            a.share = s.share();
            a.baselineShare = s.baselineShare();
            a.windowStart = windowStart;
            a.persist();
            publish(a, rule, text);
        });
    }

    private static Alert alert(AlertRule rule, CustomerText text) {
        Alert a = new Alert();
        a.ruleId = rule.id;
        a.kind = rule.kind;
        a.scope = rule.scope;
        a.raisedAt = text.writtenAt;
        a.customerId = text.customerId;
        a.textId = text.id;
        return a;
    }

    private void publish(Alert a, AlertRule rule, CustomerText text) {
        outbox.publish(Topics.FEEDBACK_EVENTS, EventEnvelope.of(text.customerId, text.writtenAt, config.eventSource(),
                new FeedbackAlert(a.id, a.kind, rule.id, rule.name, a.keyword, text.sku, a.negatives, a.texts, a.share, a.baselineShare,
                        a.windowStart)));
    }

    private Rules rules() {
        Rules r = cached;
        Instant now = clock.instant();
        if (r == null || r.readAt().plus(RULES_TTL).isBefore(now)) {
            List<AlertRule> enabled = AlertRule.list("enabled = true order by id");
            List<KeywordWatch> watches = enabled.stream()
                    .map(rule -> rule.kind == FeedbackAlert.Kind.KEYWORD ? new KeywordWatch(rule.name, rule.wordList(), rule.scope) : null)
                    .toList();
            enabled.forEach(entityManager::detach);
            r = new Rules(enabled, watches, now);
            cached = r;
        }
        return r;
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
