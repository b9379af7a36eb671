package org.openretention.segmentation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.segmentation.service.Evaluation;

import java.time.Instant;

/**
 * What an evaluation did.
 *
 * @param asOf       the instant every customer was evaluated as of
 * @param customers  customers evaluated
 * @param changed    customers whose stage, RFM scores or segment, tags or churn flag changed (rows written)
 * @param durationMs how long the evaluation took
 */
@Schema(name = "EvaluationRun")
public record EvaluationRunView(Instant asOf, long customers, long changed, long durationMs) {

    static EvaluationRunView of(Evaluation.Run run) {
        return new EvaluationRunView(run.asOf(), run.customers(), run.changed(), run.durationMs());
    }
}
