package org.openretention.segmentation.service;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What to fit: counted purchases up to {@code calibrationEnd} (a day in the shop's zone, inclusive) of the customers
 * whose first purchase falls in [{@code cohortStart}, {@code cohortEnd}) (either end open when absent), compared with
 * the purchases after it up to {@code holdoutEnd} when given; activated when {@code activate} and the fit may be.
 */
public record FitRequest(LocalDate calibrationEnd, Optional<LocalDate> cohortStart, Optional<LocalDate> cohortEnd,
                         Optional<LocalDate> holdoutEnd, boolean activate) {

    public FitRequest {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        if (cohortStart.isPresent() && cohortEnd.isPresent() && !cohortEnd.get().isAfter(cohortStart.get())) {
            throw new IllegalArgumentException("cohortEnd must be after cohortStart");
        }
        if (holdoutEnd.isPresent() && !holdoutEnd.get().isAfter(calibrationEnd)) {
            throw new IllegalArgumentException("holdoutEnd must be after calibrationEnd");
        }
    }

    /** Whether only a cohort of the customers is fitted. */
    public boolean hasCohort() {
        return cohortStart.isPresent() || cohortEnd.isPresent();
    }
}
