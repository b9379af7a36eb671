package org.openretention.feedback.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text to read the sentiment of: a review, a comment, a survey comment or a complaint. */
@Schema(name = "SentimentRequest")
public record SentimentRequest(
        @Schema(description = "The text, Chinese, English or both; at most 5,000 characters", examples = "物流很快，但是质量不太好")
        @NotBlank @Size(max = SentimentRequest.MAX_LENGTH) String text) {

    static final int MAX_LENGTH = 5000;
}
