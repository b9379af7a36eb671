package org.openretention.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.openretention.events.EventEnvelope;
import org.openretention.events.EventPayload;
import org.openretention.events.Topics;
import org.openretention.events.feedback.ComplaintSource;
import org.openretention.events.feedback.CsatRecorded;
import org.openretention.events.feedback.DetractorIdentified;
import org.openretention.events.feedback.NpsCategory;
import org.openretention.events.feedback.NpsRecorded;
import org.openretention.events.feedback.PromoterIdentified;
import org.openretention.events.feedback.SentimentLabel;
import org.openretention.feedback.config.FeedbackConfig;
import org.openretention.feedback.sentiment.Sentiment;
import org.openretention.feedback.sentiment.SentimentAnalyzer;
import org.openretention.feedback.store.CustomerContext;
import org.openretention.feedback.store.SurveyResponse;
import org.openretention.feedback.survey.SurveyStatistics;
import org.openretention.platform.messaging.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Records survey answers and reports NPS and CSAT over time (docs/feedback.md "NPS and CSAT"). */
@ApplicationScoped
public class Surveys {

    /** How a report groups answers: by the shop's calendar, or not at all. */
    public enum Period { DAY, WEEK, MONTH, NONE }

    /**
     * What else a report groups answers by: the touchpoint (CSAT), or the customer's lifecycle stage or loyalty tier
     * when they answered; {@code NONE}: nothing else.
     */
    public enum Dimension {
        NONE("CAST(NULL AS varchar)"), TOUCHPOINT("touchpoint"), STAGE("lifecycle_stage"), TIER("tier");

        private final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    /**
     * One group of NPS answers: {@code from} is the first day of its period (null with {@link Period#NONE}); {@code value}
     * the group's stage or tier (null when not grouped so, or for answers of customers nothing was known of).
     */
    public record NpsGroup(LocalDate from, String value, SurveyStatistics.Nps nps) {
    }

    /** One group of CSAT answers, by period and, when asked, touchpoint, stage or tier ({@code value}). */
    public record CsatGroup(LocalDate from, String value, SurveyStatistics.Csat csat) {
    }

    @Inject
    EntityManager entityManager;
    @Inject
    SentimentAnalyzer sentiment;
    @Inject
    FeedbackConfig config;
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;
    @Inject
    NegativeTexts negativeTexts;

    /**
     * Records an NPS answer and publishes {@code NpsRecorded}, with {@code DetractorIdentified} or {@code PromoterIdentified};
     * a negative comment goes on to {@link NegativeTexts} (a detractor's angry comment may open a complaint).
     *
     * @param sourceEventId the {@code SurveyResponseSubmitted} it came in, or null over the API
     */
    @Transactional
    public SurveyResponse recordNps(String customerId, int score, String comment, String orderId, Instant answeredAt, UUID sourceEventId) {
        Answer a = answer(SurveyResponse.Kind.NPS, customerId, score, comment, orderId, answeredAt);
        SurveyResponse r = a.response();
        r.category = NpsCategory.of(score);
        r.persist();
        SentimentLabel label = r.commentSentiment;
        publish(r, new NpsRecorded(r.id, score, r.category, orderId, label, r.answeredAt));
        switch (r.category) {
            case DETRACTOR -> publish(r, new DetractorIdentified(r.id, score, orderId, label, r.answeredAt));
            case PROMOTER -> publish(r, new PromoterIdentified(r.id, score, r.answeredAt));
            case PASSIVE -> { }
        }
        negativeComment(a, sourceEventId);
        return r;
    }

    /** Records a CSAT answer and publishes {@code CsatRecorded}; a negative comment goes on to {@link NegativeTexts}. */
    @Transactional
    public SurveyResponse recordCsat(String customerId, int score, String touchpoint, String comment, String orderId, Instant answeredAt,
                                     UUID sourceEventId) {
        Answer a = answer(SurveyResponse.Kind.CSAT, customerId, score, comment, orderId, answeredAt);
        SurveyResponse r = a.response();
        r.satisfied = SurveyStatistics.satisfied(score);
        r.touchpoint = touchpoint;
        r.persist();
        publish(r, new CsatRecorded(r.id, score, r.satisfied, touchpoint, orderId, r.commentSentiment, r.answeredAt));
        negativeComment(a, sourceEventId);
        return r;
    }

    /** An answer and, when it has a comment, the comment's sentiment. */
    private record Answer(SurveyResponse response, Sentiment sentiment) {
    }

    private Answer answer(SurveyResponse.Kind kind, String customerId, int score, String comment, String orderId, Instant answeredAt) {
        SurveyResponse r = new SurveyResponse();
        r.kind = kind;
        r.customerId = customerId;
        r.score = (short) score;
        r.orderId = orderId;
        r.recordedAt = clock.instant();
        r.answeredAt = answeredAt == null ? r.recordedAt : answeredAt;
        CustomerContext context = CustomerContext.findById(customerId);
        if (context != null) {
            r.lifecycleStage = context.lifecycleStage;
            r.tier = context.tier;
        }
        Sentiment s = null;
        if (comment != null && !comment.isBlank()) {
            r.comment = comment;
            s = sentiment.analyze(comment);
            r.commentSentiment = s.label();
            r.commentScore = s.score();
        }
        return new Answer(r, s);
    }

    private void negativeComment(Answer a, UUID sourceEventId) {
        if (a.sentiment() != null) {
            SurveyResponse r = a.response();
            negativeTexts.handle(new NegativeTexts.Text(ComplaintSource.SURVEY_COMMENT, "survey-response:" + r.id, sourceEventId,
                    r.customerId, r.orderId, null, null, r.comment, a.sentiment(), r.answeredAt));
        }
    }

    private void publish(SurveyResponse r, EventPayload payload) {
        outbox.publish(Topics.FEEDBACK_EVENTS, EventEnvelope.of(r.customerId, r.answeredAt, config.eventSource(), payload));
    }

    /**
     * NPS of the answers given from {@code from} to {@code to} (days in the shop's zone, both included), by period and
     * {@code by} (stage or tier; not touchpoint, which NPS does not have).
     */
    @Transactional
    public List<NpsGroup> nps(LocalDate from, LocalDate to, Period period, Dimension by) {
        if (by == Dimension.TOUCHPOINT) {
            throw new IllegalArgumentException("NPS answers have no touchpoint");
        }
        List<NpsGroup> groups = new ArrayList<>();
        for (Object[] row : rows("""
                SELECT {bucket}, {dimension}, count(*) FILTER (WHERE category = 'PROMOTER'), count(*) FILTER (WHERE category = 'PASSIVE'),
                       count(*) FILTER (WHERE category = 'DETRACTOR')
                FROM survey_response WHERE kind = 'NPS' AND answered_at >= :from AND answered_at < :to
                GROUP BY 1, 2 ORDER BY 1, 2""".replace("{dimension}", by.column), period, from, to)) {
            groups.add(new NpsGroup(day(row[0]), (String) row[1], SurveyStatistics.nps(count(row[2]), count(row[3]), count(row[4]))));
        }
        return groups;
    }

    /** CSAT likewise, by period and touchpoint, stage or tier. */
    @Transactional
    public List<CsatGroup> csat(LocalDate from, LocalDate to, Period period, Dimension by) {
        List<CsatGroup> groups = new ArrayList<>();
        for (Object[] row : rows("""
                SELECT {bucket}, {dimension}, count(*), count(*) FILTER (WHERE satisfied)
                FROM survey_response WHERE kind = 'CSAT' AND answered_at >= :from AND answered_at < :to
                GROUP BY 1, 2 ORDER BY 1, 2""".replace("{dimension}", by.column), period, from, to)) {
            groups.add(new CsatGroup(day(row[0]), (String) row[1], SurveyStatistics.csat(count(row[2]), count(row[3]))));
        }
        return groups;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Period period, LocalDate from, LocalDate to) {
        String zone = config.timezone().getId();
        String bucket = period == Period.NONE ? "CAST(NULL AS date)"
                : "CAST(date_trunc('" + period.name().toLowerCase(Locale.ROOT) + "', answered_at AT TIME ZONE :zone) AS date)";
        var query = entityManager.createNativeQuery(sql.replace("{bucket}", bucket))
                .setParameter("from", OffsetDateTime.ofInstant(from.atStartOfDay(config.timezone()).toInstant(), ZoneOffset.UTC))
                .setParameter("to", OffsetDateTime.ofInstant(to.plusDays(1).atStartOfDay(config.timezone()).toInstant(), ZoneOffset.UTC));
        if (period != Period.NONE) {
            query.setParameter("zone", zone);
        }
        return query.getResultList();
    }

    static LocalDate day(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            default -> LocalDate.parse(value.toString());
        };
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    /** Today in the shop's zone, for the reports' defaults. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.timezone());
    }
}
