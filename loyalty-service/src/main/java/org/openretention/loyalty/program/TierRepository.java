package org.openretention.loyalty.program;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** The programme's tiers, by name. */
@ApplicationScoped
public class TierRepository implements PanacheRepositoryBase<TierEntity, String> {

    public List<Tier> byRank() {
        return list("from TierEntity", Sort.by("rank")).stream().map(TierEntity::toTier).toList();
    }

    /** The tier other than {@code name} that holds {@code rank}, if any. */
    public Optional<TierEntity> holderOfRank(int rank, String name) {
        return find("rank = :rank and name <> :name", Parameters.with("rank", rank).and("name", name)).firstResultOptional();
    }

    /**
     * Locks the tier table against other writers until the transaction ends (readers go on), so that two
     * administrators cannot together leave the programme without tiers or with two tiers of one rank.
     */
    public void lockForChange() {
        getEntityManager().createNativeQuery("LOCK TABLE tier IN EXCLUSIVE MODE").executeUpdate();
    }

    /** How many members hold the tier now (members are not entities: the event intake writes them in bulk). */
    public long membersHolding(String name) {
        return ((Number) getEntityManager().createNativeQuery("SELECT count(*) FROM loyalty_member WHERE tier = :name")
                .setParameter("name", name).getSingleResult()).longValue();
    }
}
