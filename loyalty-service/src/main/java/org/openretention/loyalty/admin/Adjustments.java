package org.openretention.loyalty.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.loyalty.service.LoyaltyAccounts;
import org.openretention.loyalty.support.FieldChecks;
import org.openretention.platform.rest.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Manual corrections of members' points by administrators, recorded in the ledger with who made them. */
@ApplicationScoped
public class Adjustments {

    private final LoyaltyAccounts accounts;

    @Inject
    public Adjustments(LoyaltyAccounts accounts) {
        this.accounts = accounts;
    }

    public Adjustment adjust(String customerId, AdjustmentRequest request, String actor) {
        new FieldChecks().check(request.points() != 0, "points", "must not be zero").orFail();
        String reason = request.reason().strip();
        return accounts.change(customerId, session -> {
            Instant now = accounts.now().truncatedTo(ChronoUnit.MICROS);
            Instant at = now.isAfter(session.account().advancedTo()) ? now : session.account().advancedTo();
            UUID id = UUID.randomUUID();
            session.adjust(id, request.points(), reason, actor, at);
            return new Adjustment(id, customerId, request.points(), reason, actor, at.truncatedTo(ChronoUnit.MICROS), session.account().available(at));
        }).orElseThrow(() -> ProblemException.notFound("no loyalty member " + customerId));
    }
}
