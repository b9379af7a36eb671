package org.openretention.segmentation.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.openretention.segmentation.model.BgNbd;
import org.openretention.segmentation.model.GammaGamma;
import org.openretention.segmentation.model.ParetoNbd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A row of {@code model_fit} (V2): one fit run with its three models, its holdout comparison and its activation. */
@Entity
@Table(name = "model_fit")
public class ModelFitEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "calibration_end", nullable = false)
    public LocalDate calibrationEnd;
    @Column(name = "cohort_start")
    public LocalDate cohortStart;
    @Column(name = "cohort_end")
    public LocalDate cohortEnd;
    @Column(name = "holdout_end")
    public LocalDate holdoutEnd;
    @Column(name = "time_unit", nullable = false)
    public String timeUnit;
    public int customers;
    @Column(name = "repeat_customers")
    public int repeatCustomers;
    @Column(name = "fitted_at", nullable = false)
    public Instant fittedAt;
    @Column(name = "total_ms")
    public long totalMs;

    @Column(name = "bgnbd_r")
    public Double bgnbdR;
    @Column(name = "bgnbd_alpha")
    public Double bgnbdAlpha;
    @Column(name = "bgnbd_a")
    public Double bgnbdA;
    @Column(name = "bgnbd_b")
    public Double bgnbdB;
    @Column(name = "bgnbd_log_likelihood")
    public Double bgnbdLogLikelihood;
    @Column(name = "bgnbd_converged")
    public boolean bgnbdConverged;
    @Column(name = "bgnbd_at_bound")
    public boolean bgnbdAtBound;
    @Column(name = "bgnbd_refusal_reason")
    public String bgnbdRefusalReason;
    @Column(name = "bgnbd_duration_ms")
    public long bgnbdDurationMs;

    @Column(name = "pnbd_r")
    public Double pnbdR;
    @Column(name = "pnbd_alpha")
    public Double pnbdAlpha;
    @Column(name = "pnbd_s")
    public Double pnbdS;
    @Column(name = "pnbd_beta")
    public Double pnbdBeta;
    @Column(name = "pnbd_log_likelihood")
    public Double pnbdLogLikelihood;
    @Column(name = "pnbd_converged")
    public boolean pnbdConverged;
    @Column(name = "pnbd_at_bound")
    public boolean pnbdAtBound;
    @Column(name = "pnbd_refusal_reason")
    public String pnbdRefusalReason;
    @Column(name = "pnbd_duration_ms")
    public long pnbdDurationMs;

    @Column(name = "gg_p")
    public Double ggP;
    @Column(name = "gg_q")
    public Double ggQ;
    @Column(name = "gg_gamma")
    public Double ggGamma;
    @Column(name = "gg_log_likelihood")
    public Double ggLogLikelihood;
    @Column(name = "gg_converged")
    public boolean ggConverged;
    @Column(name = "gg_at_bound")
    public boolean ggAtBound;
    @Column(name = "gg_refusal_reason")
    public String ggRefusalReason;
    @Column(name = "gg_duration_ms")
    public long ggDurationMs;

    @Column(name = "holdout_bgnbd_predicted")
    public Double holdoutBgnbdPredicted;
    @Column(name = "holdout_bgnbd_actual")
    public Long holdoutBgnbdActual;
    @Column(name = "holdout_bgnbd_mae")
    public Double holdoutBgnbdMae;
    @Column(name = "holdout_pnbd_predicted")
    public Double holdoutPnbdPredicted;
    @Column(name = "holdout_pnbd_actual")
    public Long holdoutPnbdActual;
    @Column(name = "holdout_pnbd_mae")
    public Double holdoutPnbdMae;

    public boolean converged;
    @Column(name = "at_bound")
    public boolean atBound;
    @Column(name = "refusal_reason")
    public String refusalReason;
    public boolean active;
    @Column(name = "activated_at")
    public Instant activatedAt;

    public FitRun toFitRun() {
        FitRun.Fitted<BgNbd> bgNbd = new FitRun.Fitted<>(
                bgnbdR == null ? Optional.empty() : Optional.of(new BgNbd(bgnbdR, bgnbdAlpha, bgnbdA, bgnbdB)),
                bgnbdLogLikelihood, bgnbdConverged, bgnbdAtBound, Optional.ofNullable(bgnbdRefusalReason), bgnbdDurationMs);
        FitRun.Fitted<ParetoNbd> paretoNbd = new FitRun.Fitted<>(
                pnbdR == null ? Optional.empty() : Optional.of(new ParetoNbd(pnbdR, pnbdAlpha, pnbdS, pnbdBeta)),
                pnbdLogLikelihood, pnbdConverged, pnbdAtBound, Optional.ofNullable(pnbdRefusalReason), pnbdDurationMs);
        FitRun.Fitted<GammaGamma> gammaGamma = new FitRun.Fitted<>(
                ggP == null ? Optional.empty() : Optional.of(new GammaGamma(ggP, ggQ, ggGamma)),
                ggLogLikelihood, ggConverged, ggAtBound, Optional.ofNullable(ggRefusalReason), ggDurationMs);
        Optional<FitRun.Holdout> holdoutBgNbd = holdoutBgnbdMae == null ? Optional.empty()
                : Optional.of(new FitRun.Holdout(holdoutBgnbdPredicted, holdoutBgnbdActual, holdoutBgnbdMae));
        Optional<FitRun.Holdout> holdoutParetoNbd = holdoutPnbdMae == null ? Optional.empty()
                : Optional.of(new FitRun.Holdout(holdoutPnbdPredicted, holdoutPnbdActual, holdoutPnbdMae));
        return new FitRun(id, calibrationEnd, Optional.ofNullable(cohortStart), Optional.ofNullable(cohortEnd),
                Optional.ofNullable(holdoutEnd), timeUnit, customers, repeatCustomers, fittedAt, totalMs, bgNbd, paretoNbd,
                gammaGamma, holdoutBgNbd, holdoutParetoNbd, converged, atBound, Optional.ofNullable(refusalReason), active,
                Optional.ofNullable(activatedAt));
    }
}
