package org.openretention.feedback.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.events.feedback.NpsCategory;
import org.openretention.events.feedback.SentimentLabel;
import org.openretention.feedback.service.Surveys;
import org.openretention.feedback.store.SurveyResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the survey endpoints answer. */
public final class SurveyViews {

    private SurveyViews() {
    }

    @Schema(name = "SurveyAnswer")
    public record AnswerView(long id, SurveyResponse.Kind kind, String customerId, int score, NpsCategory category, Boolean satisfied,
                             String touchpoint, String orderId, String comment, SentimentLabel commentSentiment, Double commentScore,
                             Instant answeredAt) {
        static AnswerView of(SurveyResponse r) {
            return new AnswerView(r.id, r.kind, r.customerId, r.score, r.category, r.satisfied, r.touchpoint, r.orderId, r.comment,
                    r.commentSentiment, r.commentScore, r.answeredAt);
        }
    }

    @Schema(name = "NpsReport")
    public record NpsReport(LocalDate from, LocalDate to, Surveys.Period groupBy,
                            @Schema(description = "STAGE or TIER when grouped by the customer's lifecycle stage or tier, else NONE") Surveys.Dimension by,
                            List<NpsRow> groups) {
    }

    @Schema(name = "NpsGroup", description = "nps, low and high are null for a group without answers")
    public record NpsRow(@Schema(description = "First day of the period; absent when not grouped by time") LocalDate period,
                         @Schema(description = "By stage: the customer's lifecycle stage when they answered (null: not known yet)") String lifecycleStage,
                         @Schema(description = "By tier: the customer's loyalty tier when they answered (null: not known yet)") String tier,
                         long answers, long promoters, long passives, long detractors, Double nps, Double low, Double high) {
        static NpsRow of(Surveys.NpsGroup g, Surveys.Dimension by) {
            var n = g.nps();
            return new NpsRow(g.from(), by == Surveys.Dimension.STAGE ? g.value() : null, by == Surveys.Dimension.TIER ? g.value() : null,
                    n.answers(), n.promoters(), n.passives(), n.detractors(), n.nps(), n.low(), n.high());
        }
    }

    @Schema(name = "CsatReport")
    public record CsatReport(LocalDate from, LocalDate to, Surveys.Period groupBy, boolean byTouchpoint,
                             @Schema(description = "TOUCHPOINT, STAGE or TIER, else NONE") Surveys.Dimension by, List<CsatRow> groups) {
    }

    @Schema(name = "CsatGroup")
    public record CsatRow(LocalDate period, String touchpoint, String lifecycleStage, String tier, long answers, long satisfied, Double csat,
                          Double low, Double high) {
        static CsatRow of(Surveys.CsatGroup g, Surveys.Dimension by) {
            var c = g.csat();
            return new CsatRow(g.from(), by == Surveys.Dimension.TOUCHPOINT ? g.value() : null, by == Surveys.Dimension.STAGE ? g.value() : null,
                    by == Surveys.Dimension.TIER ? g.value() : null, c.answers(), c.satisfied(), c.csat(), c.low(), c.high());
        }
    }
}
