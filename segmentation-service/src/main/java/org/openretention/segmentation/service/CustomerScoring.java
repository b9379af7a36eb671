package org.openretention.segmentation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openretention.segmentation.config.ModelSettings;
import org.openretention.segmentation.config.SegmentationConfig;
import org.openretention.segmentation.model.CustomerSummary;
import org.openretention.segmentation.model.GammaGamma;
import org.openretention.segmentation.model.PurchaseModel;
import org.openretention.segmentation.model.Summaries;
import org.openretention.segmentation.store.FitRun;
import org.openretention.segmentation.store.FitRun.PurchaseModelName;
import org.openretention.segmentation.store.ModelFitRepository;
import org.openretention.segmentation.store.PurchaseHistory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A customer's churn and value scores by the active fit run, as of now: the customer's summary is computed from their
 * counted purchases with today (shop's zone) as the calibration end.
 */
@ApplicationScoped
public class CustomerScoring {

    /**
     * @param model the purchase model that scored: {@code BG_NBD} or {@code PARETO_NBD}
     * @param clv12m the 12-month customer lifetime value (Gamma-Gamma), in the reporting currency
     */
    public record CustomerScore(double probabilityAlive, double expectedPurchases30d, double expectedPurchases90d,
                                double clv12m, PurchaseModelName model, long fitId) {
    }

    private static final double DAYS_PER_WEEK = 7;

    private final ModelFitRepository fits;
    private final PurchaseHistory purchases;
    private final Clock clock;
    private final ZoneId zone;
    private final ModelSettings settings;

    @Inject
    public CustomerScoring(ModelFitRepository fits, PurchaseHistory purchases, Clock clock, SegmentationConfig config,
                           ModelSettings settings) {
        this.fits = fits;
        this.purchases = purchases;
        this.clock = clock;
        this.zone = config.timezone();
        this.settings = settings;
    }

    /**
     * The purchase model that scores: the configured one, or with {@code auto} the one with the lower holdout error of
     * the latest run compared on a holdout (BG/NBD when no run was).
     */
    @Transactional
    public PurchaseModelName purchaseModel() {
        return switch (settings.purchaseModel()) {
            case BG_NBD -> PurchaseModelName.BG_NBD;
            case PARETO_NBD -> PurchaseModelName.PARETO_NBD;
            case AUTO -> fits.latestWithHoldout().flatMap(FitRun::holdoutWinner).orElse(PurchaseModelName.BG_NBD);
        };
    }

    /** The customer's scores; empty when no fit is active or the customer has no counted purchase. */
    @Transactional
    public Optional<CustomerScore> score(String customerId) {
        Optional<FitRun> active = fits.active();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        FitRun run = active.get();
        PurchaseModelName name = purchaseModel();
        Optional<? extends PurchaseModel> purchaseModel = run.purchaseModel(name);
        Optional<GammaGamma> spend = run.gammaGamma().model();
        if (purchaseModel.isEmpty() || spend.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant until = today.plusDays(1).atStartOfDay(zone).toInstant();
        Optional<CustomerSummary> summary = new Summaries(zone, today).summarise(customerId,
                purchases.ofCustomerBefore(customerId, until), purchases.lastSignOfLifeUpTo(customerId, now));
        return summary.map(customer -> {
            PurchaseModel model = purchaseModel.get();
            return new CustomerScore(model.probabilityAlive(customer), model.expectedPurchases(customer, 30 / DAYS_PER_WEEK),
                    model.expectedPurchases(customer, 90 / DAYS_PER_WEEK),
                    spend.get().clv(model, customer, settings.monthlyDiscountRate()), name, run.id());
        });
    }
}
