package org.openretention.feedback.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openretention.feedback.sentiment.SentimentAnalyzer;
import org.openretention.platform.rest.Roles;

/** Reads the sentiment of a text on demand, as the service reads reviews and complaints (docs/feedback.md). */
@Path("/sentiment")
@Tag(name = "Sentiment", description = "Sentiment and aspects of a text in Chinese, English or both")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SentimentResource {

    @Inject
    SentimentAnalyzer analyzer;

    @POST
    @RolesAllowed({Roles.SUPPORT, Roles.MARKETING})
    @Operation(summary = "The sentiment of a text: label, score in [-1, 1], language and the aspects it names")
    @APIResponse(responseCode = "200", description = "The sentiment")
    @APIResponse(responseCode = "400", description = "The body is not valid JSON, or text is missing, blank or longer than 5,000 characters")
    public SentimentView analyze(@NotNull @Valid SentimentRequest request) {
        return SentimentView.of(analyzer.analyze(request.text()));
    }
}
