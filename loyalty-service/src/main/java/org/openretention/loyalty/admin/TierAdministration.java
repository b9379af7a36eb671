package org.openretention.loyalty.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openretention.loyalty.catalog.RewardRepository;
import org.openretention.loyalty.program.Tier;
import org.openretention.loyalty.program.TierEntity;
import org.openretention.loyalty.program.TierRepository;
import org.openretention.loyalty.support.ConflictException;
import org.openretention.loyalty.support.NotFoundException;

import java.util.List;
import java.util.Optional;

/**
 * The programme's tiers. Every change takes an exclusive lock on the tier table (readers go on), so two
 * administrators cannot together leave the programme without tiers or with two tiers of one rank.
 */
@ApplicationScoped
public class TierAdministration {

    /** The tier and whether the call created it. */
    public record Upserted(Tier tier, boolean created) {
    }

    private final TierRepository tiers;
    private final RewardRepository rewards;

    @Inject
    public TierAdministration(TierRepository tiers, RewardRepository rewards) {
        this.tiers = tiers;
        this.rewards = rewards;
    }

    /** Lowest rank first. */
    public List<Tier> list() {
        return tiers.byRank();
    }

    public Optional<Tier> get(String name) {
        return tiers.findByIdOptional(name).map(TierEntity::toTier);
    }

    /** Creates the tier {@code tier.name()} or replaces every other field of it. */
    @Transactional
    public Upserted upsert(Tier tier) {
        tiers.lockForChange();
        tiers.holderOfRank(tier.rank(), tier.name()).ifPresent(holder -> {
            throw new ConflictException("rank " + tier.rank() + " is held by tier " + holder.name + "; ranks are unique");
        });
        TierEntity row = tiers.findById(tier.name());
        boolean created = row == null;
        if (created) {
            row = new TierEntity();
            row.name = tier.name();
            row.assign(tier);
            tiers.persist(row);
        } else {
            row.assign(tier);
        }
        tiers.flush();
        tiers.getEntityManager().refresh(row); // numbers at the columns' scale, as stored
        return new Upserted(row.toTier(), created);
    }

    @Transactional
    public void delete(String name) {
        tiers.lockForChange();
        TierEntity row = tiers.findByIdOptional(name).orElseThrow(() -> notFound(name));
        long members = tiers.membersHolding(name);
        if (members > 0) {
            throw new ConflictException("tier " + name + " is held by " + members + " member(s); it cannot be deleted");
        }
        if (tiers.count() == 1) {
            throw new ConflictException("tier " + name + " is the programme's last tier; it cannot be deleted");
        }
        long required = rewards.activeRequiring(name);
        if (required > 0) {
            throw new ConflictException("tier " + name + " is the minimum tier of " + required + " active reward(s); change them first");
        }
        tiers.delete(row);
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("no tier " + name);
    }
}
