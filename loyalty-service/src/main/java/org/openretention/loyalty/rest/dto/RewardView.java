package org.openretention.loyalty.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openretention.events.loyalty.RewardType;
import org.openretention.loyalty.catalog.Reward;

import java.time.Instant;
import java.util.UUID;

/** A reward of the catalogue. {@code stock} is absent for an unlimited reward. */
@Schema(name = "Reward")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RewardView(UUID id, String name, long pointsCost, RewardType type, Integer stock, Instant validFrom, Instant validTo,
                         String minTier, boolean active, Instant createdAt, Instant updatedAt) {

    public static RewardView of(Reward r) {
        return new RewardView(r.id(), r.name(), r.pointsCost(), r.type(), r.stock(), r.validFrom(), r.validTo(), r.minTier(), r.active(),
                r.createdAt(), r.updatedAt());
    }
}
