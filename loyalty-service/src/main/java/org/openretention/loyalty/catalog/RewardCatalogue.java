package org.openretention.loyalty.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openretention.loyalty.support.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rewards catalogue administrators maintain and members redeem from. Deleting a reward only deactivates it. */
@ApplicationScoped
public class RewardCatalogue {

    private final RewardRepository rewards;
    private final Clock clock;

    @Inject
    public RewardCatalogue(RewardRepository rewards, Clock clock) {
        this.rewards = rewards;
        this.clock = clock;
    }

    @Transactional
    public Reward create(RewardDefinition definition) {
        Instant now = now();
        RewardEntity row = new RewardEntity();
        row.id = UUID.randomUUID();
        row.active = definition.active() == null || definition.active();
        row.createdAt = now;
        row.updatedAt = now;
        assign(row, definition);
        rewards.persist(row);
        return stored(row);
    }

    @Transactional
    public Reward update(UUID id, RewardDefinition definition) {
        RewardEntity row = rewards.findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (definition.active() != null) {
            row.active = definition.active();
        }
        row.updatedAt = now();
        assign(row, definition);
        return stored(row);
    }

    /** Takes a reward out of the catalogue; redemptions made of it stay. */
    @Transactional
    public void deactivate(UUID id) {
        RewardEntity row = rewards.findByIdOptional(id).orElseThrow(() -> notFound(id));
        row.active = false;
        row.updatedAt = now();
    }

    public Optional<Reward> get(UUID id) {
        return rewards.findByIdOptional(id).map(RewardEntity::toReward);
    }

    /** Oldest first; only the active ones if {@code activeOnly}. */
    public List<Reward> list(boolean activeOnly) {
        return rewards.byAge(activeOnly);
    }

    /** The reward as the database keeps it (instants in microseconds), as RETURNING would give it. */
    private Reward stored(RewardEntity row) {
        rewards.flush();
        rewards.getEntityManager().refresh(row);
        return row.toReward();
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("no reward " + id);
    }

    /** The database keeps microseconds: what a call answers is what a later read answers. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void assign(RewardEntity row, RewardDefinition d) {
        row.name = d.name().strip();
        row.pointsCost = d.pointsCost();
        row.type = d.type().name();
        row.stock = d.stock();
        row.validFrom = d.validFrom();
        row.validTo = d.validTo();
        row.minTier = d.minTier();
    }
}
