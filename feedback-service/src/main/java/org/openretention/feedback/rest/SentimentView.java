package org.openretention.feedback.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.events.feedback.FeedbackAspect;
import org.openretention.events.feedback.SentimentLabel;
import org.openretention.feedback.sentiment.Language;
import org.openretention.feedback.sentiment.Sentiment;

import java.util.List;

/** The sentiment of a text, as the API shows it. */
@Schema(name = "Sentiment")
public record SentimentView(
        SentimentLabel label,
        @Schema(description = "From -1 (very negative) to 1 (very positive); 0 when no word of the text carries sentiment") double score,
        Language language,
        @Schema(description = "The aspects the text names, each with the sentiment of the clauses that name it") List<AspectView> aspects) {

    @Schema(name = "AspectSentiment")
    public record AspectView(FeedbackAspect aspect, SentimentLabel label, double score) {
    }

    static SentimentView of(Sentiment s) {
        return new SentimentView(s.label(), s.score(), s.language(),
                s.aspects().stream().map(a -> new AspectView(a.aspect(), a.label(), a.score())).toList());
    }
}
