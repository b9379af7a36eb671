package org.openretention.segmentation.store;

import org.junit.jupiter.api.Test;
import org.openretention.segmentation.model.BgNbd;
import org.openretention.segmentation.model.GammaGamma;
import org.openretention.segmentation.model.ParetoNbd;
import org.openretention.segmentation.store.FitRun.PurchaseModelName;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FitRunTest {

    private static FitRun run(Optional<FitRun.Holdout> bgNbd, Optional<FitRun.Holdout> paretoNbd) {
        return new FitRun(1L, LocalDate.of(2026, 1, 1), Optional.empty(), Optional.empty(), Optional.of(LocalDate.of(2026, 6, 1)),
                "WEEKS", 10, 5, Instant.EPOCH, 1,
                new FitRun.Fitted<>(Optional.of(new BgNbd(1, 1, 1, 1)), -1.0, true, false, Optional.empty(), 1),
                new FitRun.Fitted<>(Optional.of(new ParetoNbd(1, 1, 1, 1)), -1.0, true, false, Optional.empty(), 1),
                new FitRun.Fitted<>(Optional.of(new GammaGamma(1, 2, 1)), -1.0, true, false, Optional.empty(), 1),
                bgNbd, paretoNbd, true, false, Optional.empty(), true, Optional.of(Instant.EPOCH));
    }

    @Test
    void theWinnerIsTheModelWithTheLowerHoldoutErrorAndBgNbdOnATie() {
        FitRun.Holdout good = new FitRun.Holdout(10, 10, 0.5);
        FitRun.Holdout worse = new FitRun.Holdout(12, 10, 0.7);
        assertThat(run(Optional.of(good), Optional.of(worse)).holdoutWinner()).contains(PurchaseModelName.BG_NBD);
        assertThat(run(Optional.of(worse), Optional.of(good)).holdoutWinner()).contains(PurchaseModelName.PARETO_NBD);
        assertThat(run(Optional.of(good), Optional.of(good)).holdoutWinner()).contains(PurchaseModelName.BG_NBD);
        assertThat(run(Optional.empty(), Optional.of(good)).holdoutWinner()).contains(PurchaseModelName.PARETO_NBD);
        assertThat(run(Optional.empty(), Optional.empty()).holdoutWinner()).isEmpty();
    }

    @Test
    void thePurchaseModelIsTheRunsModelOfThatName() {
        FitRun run = run(Optional.empty(), Optional.empty());
        assertThat(run.purchaseModel(PurchaseModelName.BG_NBD)).containsInstanceOf(BgNbd.class);
        assertThat(run.purchaseModel(PurchaseModelName.PARETO_NBD)).containsInstanceOf(ParetoNbd.class);
    }
}
