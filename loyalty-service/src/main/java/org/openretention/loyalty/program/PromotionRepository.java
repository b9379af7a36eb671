package org.openretention.loyalty.program;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The programme's promotions, deactivated ones included. */
@ApplicationScoped
public class PromotionRepository implements PanacheRepositoryBase<PromotionEntity, UUID> {

    /** By start, then id; only the active ones if {@code activeOnly}. */
    public List<Promotion> byStart(boolean activeOnly) {
        Sort order = Sort.by("validFrom").and("id");
        List<PromotionEntity> rows = activeOnly ? list("active = true", order) : listAll(order);
        return rows.stream().map(PromotionEntity::toPromotion).toList();
    }
}
