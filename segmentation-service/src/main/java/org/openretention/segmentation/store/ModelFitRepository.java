package org.openretention.segmentation.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The fit runs: the active one, the history, and the latest holdout comparison. */
@ApplicationScoped
public class ModelFitRepository implements PanacheRepositoryBase<ModelFitEntity, Long> {

    private static final Sort NEWEST_FIRST = Sort.descending("fittedAt", "id");

    public Optional<FitRun> active() {
        return find("active = true").firstResultOptional().map(ModelFitEntity::toFitRun);
    }

    /** The newest run that compared its models on a holdout. */
    public Optional<FitRun> latestWithHoldout() {
        return find("holdoutEnd is not null", NEWEST_FIRST).firstResultOptional().map(ModelFitEntity::toFitRun);
    }

    public List<FitRun> newestFirst(int page, int size) {
        return findAll(NEWEST_FIRST).page(Page.of(page, size)).list().stream().map(ModelFitEntity::toFitRun).toList();
    }

    /** Stores the run; when {@code activate}, it replaces the active run. */
    public FitRun store(ModelFitEntity run, boolean activate, Instant now) {
        if (activate) {
            // a bulk update runs at once, before the insert: the partial unique index never sees two active runs
            update("active = false where active = true");
            run.active = true;
            run.activatedAt = now;
        }
        persist(run);
        return run.toFitRun();
    }
}
