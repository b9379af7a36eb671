package org.openretention.segmentation.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.openretention.platform.jobs.ClusterJobs;
import org.openretention.segmentation.config.SegmentationConfig;
import org.openretention.segmentation.model.BgNbd;
import org.openretention.segmentation.model.CompressedSample;
import org.openretention.segmentation.model.CustomerSummary;
import org.openretention.segmentation.model.FittedModel;
import org.openretention.segmentation.model.GammaGamma;
import org.openretention.segmentation.model.HoldoutComparison;
import org.openretention.segmentation.model.ModelFit;
import org.openretention.segmentation.model.ParetoNbd;
import org.openretention.segmentation.model.PurchaseModel;
import org.openretention.segmentation.model.Summaries;
import org.openretention.segmentation.store.FitRun;
import org.openretention.segmentation.store.ModelFitEntity;
import org.openretention.segmentation.store.ModelFitRepository;
import org.openretention.segmentation.store.PurchaseHistory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Fits the churn and CLV models (BG/NBD, Pareto/NBD, Gamma-Gamma) to the counted purchases, compares the purchase
 * models on a holdout when asked, stores the run and activates it when asked and allowed. Scheduled and on-demand
 * fits both go through {@link #fit(FitRequest)}, one at a time in the cluster (job lock {@value #JOB}).
 */
@ApplicationScoped
public class ModelFitting {

    private static final Logger LOG = Logger.getLogger(ModelFitting.class);
    static final String JOB = "segmentation-model-fit";

    private final PurchaseHistory purchases;
    private final ModelFitRepository fits;
    private final ClusterJobs jobs;
    private final Clock clock;
    private final ZoneId zone;

    @Inject
    public ModelFitting(PurchaseHistory purchases, ModelFitRepository fits, ClusterJobs jobs, Clock clock, SegmentationConfig config) {
        this.purchases = purchases;
        this.fits = fits;
        this.jobs = jobs;
        this.clock = clock;
        this.zone = config.timezone();
    }

    @Scheduled(every = "${segmentation.models.fit-every:24h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            fit(new FitRequest(yesterday(), Optional.empty(), Optional.empty(), Optional.empty(), true)).ifPresent(run ->
                    LOG.infof("Model fit %d of %d customers up to %s: %s", run.id(), run.customers(), run.calibrationEnd(),
                            run.active() ? "activated" : "not activated, " + run.refusalReason().orElse("")));
        } catch (NoPurchasesToFit e) {
            LOG.debugf("No model fit: %s", e.getMessage());
        }
    }

    /** The active fit run: the one that scores customers. */
    @Transactional
    public Optional<FitRun> active() {
        return fits.active();
    }

    /** The fit runs, newest first, page {@code page} (from 0) of {@code size}. */
    @Transactional
    public List<FitRun> history(int page, int size) {
        return fits.newestFirst(page, size);
    }

    /** The default calibration end: yesterday in the shop's zone. */
    public LocalDate yesterday() {
        return LocalDate.ofInstant(clock.instant(), zone).minusDays(1);
    }

    /**
     * Fits, stores and (when asked and allowed) activates.
     *
     * @return the stored run; empty when a fit is running already (in this or another instance)
     * @throws NoPurchasesToFit when no customer of the request had bought by the calibration end
     */
    public Optional<FitRun> fit(FitRequest request) {
        FitRun[] run = new FitRun[1];
        return jobs.runExclusively(JOB, () -> run[0] = fitNow(request)) ? Optional.of(run[0]) : Optional.empty();
    }

    private FitRun fitNow(FitRequest request) {
        long started = System.nanoTime();
        Summaries summaries = new Summaries(zone, request.calibrationEnd());
        List<CustomerSummary> calibration = new ArrayList<>();
        Map<String, Integer> holdout = new HashMap<>();
        LocalDate lastDay = request.holdoutEnd().orElse(request.calibrationEnd());
        Instant until = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        QuarkusTransaction.requiringNew().run(() -> purchases.eachCustomerBefore(until, (customerId, bought) -> {
            LocalDate firstDay = LocalDate.ofInstant(bought.getFirst().at(), zone);
            if (request.cohortStart().filter(firstDay::isBefore).isPresent()
                    || request.cohortEnd().filter(end -> !firstDay.isBefore(end)).isPresent()) {
                return;
            }
            summaries.summarise(customerId, bought).ifPresent(summary -> {
                calibration.add(summary);
                request.holdoutEnd().ifPresent(end -> holdout.put(customerId, summaries.holdoutTransactions(bought, end)));
            });
        }));
        if (calibration.isEmpty()) {
            throw new NoPurchasesToFit("no counted purchases up to " + request.calibrationEnd()
                    + (request.hasCohort() ? " by customers whose first purchase is in [" + request.cohortStart().map(Object::toString).orElse("")
                    + ", " + request.cohortEnd().map(Object::toString).orElse("") + ")" : "") + ": there is nothing to fit");
        }

        CompressedSample sample = CompressedSample.of(calibration);
        Attempt<BgNbd> bgNbd = attempt(() -> BgNbd.fit(sample));
        Attempt<ParetoNbd> paretoNbd = attempt(() -> ParetoNbd.fit(sample));
        Attempt<GammaGamma> gammaGamma = attempt(() -> GammaGamma.fit(calibration));

        ModelFitEntity row = new ModelFitEntity();
        row.calibrationEnd = request.calibrationEnd();
        row.cohortStart = request.cohortStart().orElse(null);
        row.cohortEnd = request.cohortEnd().orElse(null);
        row.holdoutEnd = request.holdoutEnd().orElse(null);
        row.timeUnit = "WEEKS";
        row.customers = calibration.size();
        row.repeatCustomers = (int) calibration.stream().filter(c -> c.repeatTransactions() > 0 && c.meanRepeatValue() > 0).count();
        bgNbd.fit().ifPresent(f -> {
            BgNbd m = f.model();
            row.bgnbdR = m.r();
            row.bgnbdAlpha = m.alpha();
            row.bgnbdA = m.a();
            row.bgnbdB = m.b();
            row.bgnbdLogLikelihood = f.logLikelihood();
            row.bgnbdConverged = f.converged();
            row.bgnbdAtBound = f.atBound();
            row.bgnbdDurationMs = TimeUnit.NANOSECONDS.toMillis(f.durationNanos());
        });
        row.bgnbdRefusalReason = bgNbd.reason().orElse(null);
        paretoNbd.fit().ifPresent(f -> {
            ParetoNbd m = f.model();
            row.pnbdR = m.r();
            row.pnbdAlpha = m.alpha();
            row.pnbdS = m.s();
            row.pnbdBeta = m.beta();
            row.pnbdLogLikelihood = f.logLikelihood();
            row.pnbdConverged = f.converged();
            row.pnbdAtBound = f.atBound();
            row.pnbdDurationMs = TimeUnit.NANOSECONDS.toMillis(f.durationNanos());
        });
        row.pnbdRefusalReason = paretoNbd.reason().orElse(null);
        gammaGamma.fit().ifPresent(f -> {
            GammaGamma m = f.model();
            row.ggP = m.p();
            row.ggQ = m.q();
            row.ggGamma = m.gamma();
            row.ggLogLikelihood = f.logLikelihood();
            row.ggConverged = f.converged();
            row.ggAtBound = f.atBound();
            row.ggDurationMs = TimeUnit.NANOSECONDS.toMillis(f.durationNanos());
        });
        row.ggRefusalReason = gammaGamma.reason().orElse(null);

        request.holdoutEnd().ifPresent(end -> {
            double weeks = summaries.holdoutWeeks(end);
            compare(bgNbd, calibration, holdout, weeks).ifPresent(h -> {
                row.holdoutBgnbdPredicted = h.predicted();
                row.holdoutBgnbdActual = h.actual();
                row.holdoutBgnbdMae = h.meanAbsoluteError();
            });
            compare(paretoNbd, calibration, holdout, weeks).ifPresent(h -> {
                row.holdoutPnbdPredicted = h.predicted();
                row.holdoutPnbdActual = h.actual();
                row.holdoutPnbdMae = h.meanAbsoluteError();
            });
        });

        row.converged = row.bgnbdConverged && row.pnbdConverged && row.ggConverged;
        row.atBound = row.bgnbdAtBound || row.pnbdAtBound || row.ggAtBound;
        StringJoiner reasons = new StringJoiner("; ");
        bgNbd.reason().ifPresent(r -> reasons.add("BG/NBD: " + r));
        paretoNbd.reason().ifPresent(r -> reasons.add("Pareto/NBD: " + r));
        gammaGamma.reason().ifPresent(r -> reasons.add("Gamma-Gamma: " + r));
        row.refusalReason = reasons.length() == 0 ? null : reasons.toString();
        boolean activate = request.activate() && row.refusalReason == null;

        Instant now = clock.instant();
        row.fittedAt = now;
        row.totalMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return QuarkusTransaction.requiringNew().call(() -> fits.store(row, activate, now));
    }

    /** A model's fit, or why there is none; the reason also when the fit may not be activated. */
    private record Attempt<M extends FittedModel>(Optional<ModelFit<M>> fit, Optional<String> reason) {
    }

    private static <M extends FittedModel> Attempt<M> attempt(Supplier<ModelFit<M>> fitter) {
        try {
            ModelFit<M> fit = fitter.get();
            return new Attempt<>(Optional.of(fit), fit.reason());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return new Attempt<>(Optional.empty(), Optional.of("could not be fitted: " + e.getMessage()));
        }
    }

    private static Optional<HoldoutComparison> compare(Attempt<? extends PurchaseModel> attempt, List<CustomerSummary> calibration,
                                                       Map<String, Integer> holdout, double weeks) {
        return attempt.fit().map(f -> HoldoutComparison.of(f.model(), calibration, holdout, weeks));
    }
}
