package org.openretention.loyalty.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openretention.loyalty.program.EarningRules;
import org.openretention.loyalty.program.EarningRulesEntity;
import org.openretention.loyalty.program.EarningRulesRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The programme's earning rules: one row, the JSON of {@link EarningRules}, read by every batch of event intake
 * through the programme repository, so a change applies to the next events whichever instance takes them.
 */
@ApplicationScoped
public class EarningRulesAdministration {

    /** The rules with when and by whom they were last changed (both absent while the defaults apply). */
    public record Stored(EarningRules rules, Instant updatedAt, String updatedBy) {
    }

    private final EarningRulesRepository repository;
    private final Clock clock;

    @Inject
    public EarningRulesAdministration(EarningRulesRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Stored get() {
        return repository.stored()
                .map(row -> new Stored(repository.parse(row.rules), row.updatedAt, row.updatedBy))
                .orElseGet(() -> new Stored(EarningRules.defaults(), null, null));
    }

    @Transactional
    public Stored replace(EarningRules rules, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        EarningRulesEntity row = repository.stored().orElseGet(EarningRulesEntity::new);
        row.id = EarningRulesEntity.ID;
        row.rules = repository.write(rules);
        row.updatedAt = now;
        row.updatedBy = actor;
        if (!repository.isPersistent(row)) {
            repository.persist(row);
        }
        return new Stored(rules, now, actor);
    }
}
