package org.openretention.segmentation.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One completed order of a customer: when it was placed and what it was worth. */
public record Purchase(Instant at, BigDecimal amount) {

    public Purchase {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(amount, "amount");
    }
}
