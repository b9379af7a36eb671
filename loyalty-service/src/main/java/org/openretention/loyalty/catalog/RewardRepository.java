package org.openretention.loyalty.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The rewards catalogue, deactivated rewards included. */
@ApplicationScoped
public class RewardRepository implements PanacheRepositoryBase<RewardEntity, UUID> {

    /** Oldest first; only the active ones if {@code activeOnly}. */
    public List<Reward> byAge(boolean activeOnly) {
        Sort order = Sort.by("createdAt").and("id");
        List<RewardEntity> rows = activeOnly ? list("active = true", order) : listAll(order);
        return rows.stream().map(RewardEntity::toReward).toList();
    }

    /** How many active rewards name {@code tier} as their minimum tier. */
    public long activeRequiring(String tier) {
        return count("active = true and minTier = :tier", Parameters.with("tier", tier));
    }

    /**
     * Takes one from the stock of a limited reward, unless none is left; false if none was. One statement, so that
     * concurrent redemptions can never take the stock below zero.
     */
    public boolean takeOne(UUID id) {
        return update("stock = stock - 1 where id = :id and stock > 0", Parameters.with("id", id)) == 1;
    }
}
