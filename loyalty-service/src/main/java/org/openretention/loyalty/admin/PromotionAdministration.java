package org.openretention.loyalty.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openretention.loyalty.program.PromotionEntity;
import org.openretention.loyalty.program.PromotionRepository;
import org.openretention.loyalty.program.Promotion;
import org.openretention.loyalty.support.NotFoundException;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Time-limited points boosts. Event intake reads the active ones for every batch; deleting a promotion only
 * deactivates it, so the points it gave stay explainable.
 */
@ApplicationScoped
public class PromotionAdministration {

    private final PromotionRepository promotions;

    @Inject
    public PromotionAdministration(PromotionRepository promotions) {
        this.promotions = promotions;
    }

    /** By start; only the active ones if {@code activeOnly}. */
    public List<Promotion> list(boolean activeOnly) {
        return promotions.byStart(activeOnly);
    }

    public Optional<Promotion> get(UUID id) {
        return promotions.findByIdOptional(id).map(PromotionEntity::toPromotion);
    }

    @Transactional
    public Promotion create(PromotionDefinition definition) {
        PromotionEntity row = new PromotionEntity();
        row.id = UUID.randomUUID();
        row.active = definition.active() == null || definition.active();
        assign(row, definition);
        promotions.persist(row);
        return stored(row);
    }

    @Transactional
    public Promotion update(UUID id, PromotionDefinition definition) {
        PromotionEntity row = promotions.findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (definition.active() != null) {
            row.active = definition.active();
        }
        assign(row, definition);
        return stored(row);
    }

    @Transactional
    public void deactivate(UUID id) {
        promotions.findByIdOptional(id).orElseThrow(() -> notFound(id)).active = false;
    }

    /** The promotion as the database keeps it (numbers at the column's scale), as RETURNING would give it. */
    private Promotion stored(PromotionEntity row) {
        promotions.flush();
        promotions.getEntityManager().refresh(row);
        return row.toPromotion();
    }

    private static void assign(PromotionEntity row, PromotionDefinition d) {
        row.name = d.name().strip();
        row.kind = d.kind().name();
        row.multiplier = d.kind() == Promotion.Kind.MULTIPLIER ? d.multiplier() : BigDecimal.ONE;
        row.bonusPoints = d.kind() == Promotion.Kind.BONUS ? d.bonusPoints() : 0;
        row.validFrom = d.validFrom();
        row.validTo = d.validTo();
        row.categories = normalised(d.categories());
        row.tiers = normalised(d.tiers());
        row.triggers = d.triggers() == null ? new String[0] : d.triggers().stream().map(Enum::name).distinct().sorted().toArray(String[]::new);
    }

    private static String[] normalised(Collection<String> names) {
        return names == null ? new String[0] : names.stream().map(String::strip).distinct().sorted().toArray(String[]::new);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no promotion " + id);
    }
}
