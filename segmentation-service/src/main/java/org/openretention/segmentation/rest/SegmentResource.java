package org.openretention.segmentation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openretention.platform.rest.ProblemException;
import org.openretention.platform.rest.Roles;
import org.openretention.segmentation.lifecycle.LifecycleStage;
import org.openretention.segmentation.rfm.RfmSegment;
import org.openretention.segmentation.service.Evaluation;
import org.openretention.segmentation.service.SegmentQueries;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The evaluation of every customer's segments, and the segments it found. */
@Path("/")
@Tag(name = "Segments")
public class SegmentResource {

    static final String TEXT_CSV = "text/csv";

    @Inject
    Evaluation evaluation;
    @Inject
    SegmentQueries segments;

    @POST
    @Path("evaluations")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(summary = "Evaluate every customer's lifecycle stage, RFM segment, tags and churn flag as of asOf (default: now, or as "
            + "far as all input has been applied while it is catching up), store the changes and publish them on segment-events")
    @APIResponse(responseCode = "200", description = "What the evaluation did")
    @APIResponse(responseCode = "400", description = "asOf is not an ISO-8601 instant")
    @APIResponse(responseCode = "409", description = "An evaluation is running already; try again when it has finished")
    public EvaluationRunView evaluate(@QueryParam("asOf") String asOf) {
        Optional<Evaluation.Run> run;
        if (asOf == null || asOf.isBlank()) {
            run = evaluation.runNow();
        } else {
            Instant at;
            try {
                at = Instant.parse(asOf);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("asOf", "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
            }
            run = evaluation.runAsOf(at);
        }
        return run.map(EvaluationRunView::of)
                .orElseThrow(() -> ProblemException.conflict("an evaluation is running already; try again when it has finished"));
    }

    @GET
    @Path("segments")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "How many customers each lifecycle stage and RFM segment holds, as of the latest evaluation")
    @APIResponse(responseCode = "200", description = "Customers by lifecycle stage and by RFM segment")
    public SegmentCountsView counts() {
        SegmentQueries.Counts counts = segments.counts();
        return new SegmentCountsView(counts.asOf(), counts.customers(), counts.lifecycleStages(), counts.rfmSegments());
    }

    @GET
    @Path("segments/lifecycle/{stage}/customers")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @RolesAllowed({Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "The customers in a lifecycle stage, by customer id: a page as JSON, or with Accept: text/csv the whole list "
            + "(customer_id, lifecycle_stage, stage_since, r, f, m, rfm_segment, as_of)")
    @APIResponse(responseCode = "200", description = "A page of the stage's customers, or all of them as CSV",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SegmentMembersView.class)),
                    @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Unknown stage, or page or size out of range")
    @APIResponse(responseCode = "404", description = "No evaluation has run yet")
    public Response inStage(@PathParam("stage") String stage,
                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size,
                            @Context HttpHeaders headers) {
        LifecycleStage s = parse(LifecycleStage.class, stage, "stage");
        if (wantsCsv(headers)) {
            requireEvaluated();
            return csv("lifecycle-" + s.name(), "customer_id,lifecycle_stage,stage_since,r,f,m,rfm_segment,as_of",
                    out -> segments.streamStage(s, m -> out.write(line(m.customerId(), m.lifecycleStage(), m.stageSince(), m.r(),
                            m.f(), m.m(), m.rfmSegment(), m.asOf()))));
        }
        return Response.ok(segments.inStage(s, page, size).map(SegmentMembersView::of).orElseThrow(SegmentResource::notEvaluated),
                MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("segments/rfm/{segment}/customers")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @RolesAllowed({Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "The customers in an RFM segment, by customer id: a page as JSON, or with Accept: text/csv the whole list "
            + "(customer_id, rfm_segment, r, f, m, recency_days, frequency, monetary, as_of)")
    @APIResponse(responseCode = "200", description = "A page of the segment's customers, or all of them as CSV",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SegmentMembersView.class)),
                    @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Unknown segment, or page or size out of range")
    @APIResponse(responseCode = "404", description = "No evaluation has run yet")
    public Response inSegment(@PathParam("segment") String segment,
                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size,
                              @Context HttpHeaders headers) {
        RfmSegment s = parse(RfmSegment.class, segment, "segment");
        if (wantsCsv(headers)) {
            requireEvaluated();
            return csv("rfm-" + s.name(), "customer_id,rfm_segment,r,f,m,recency_days,frequency,monetary,as_of",
                    out -> segments.streamSegment(s, m -> out.write(line(m.customerId(), m.rfmSegment(), m.r(), m.f(), m.m(),
                            m.recencyDays(), m.frequency(), m.monetary() == null ? null : m.monetary().toPlainString(), m.asOf()))));
        }
        return Response.ok(segments.inSegment(s, page, size).map(SegmentMembersView::of).orElseThrow(SegmentResource::notEvaluated),
                MediaType.APPLICATION_JSON).build();
    }

    private interface CsvBody {
        void write(Writer out) throws java.io.IOException;
    }

    private static Response csv(String name, String header, CsvBody body) {
        StreamingOutput output = stream -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
            out.write(header);
            out.write("\r\n");
            body.write(out);
            out.flush();
        };
        return Response.ok(output, TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name.toLowerCase() + ".csv\"").build();
    }

    /** One CSV line (RFC 4180): fields with a comma, quote or line break quoted, quotes doubled. */
    static String line(Object... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String text = fields[i] == null ? "" : fields[i].toString();
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                line.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                line.append(text);
            }
        }
        return line.append("\r\n").toString();
    }

    /** Whether the client prefers CSV: the first acceptable type that is JSON or CSV decides; JSON by default. */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.valueOf(TEXT_CSV))) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private void requireEvaluated() {
        if (segments.latestRun().isEmpty()) {
            throw notEvaluated();
        }
    }

    private static ProblemException notEvaluated() {
        return ProblemException.notFound("no evaluation has run yet: POST /evaluations");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String parameter) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(parameter, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
