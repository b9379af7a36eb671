package org.openretention.loyalty.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.loyalty.service.LoyaltyAccounts;
import org.openretention.loyalty.support.NotFoundException;

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

    /** Credits ({@code points} > 0) or debits ({@code points} < 0) the member's points. */
    public Adjustment adjust(String customerId, long points, String reason, String actor) {
        if (points == 0) {
            throw new IllegalArgumentException("an adjustment of 0 points changes nothing");
        }
        String why = reason.strip();
        return accounts.change(customerId, session -> {
            Instant now = accounts.now().truncatedTo(ChronoUnit.MICROS);
            Instant at = now.isAfter(session.account().advancedTo()) ? now : session.account().advancedTo();
            UUID id = UUID.randomUUID();
            session.adjust(id, points, why, actor, at);
            return new Adjustment(id, customerId, points, why, actor, at.truncatedTo(ChronoUnit.MICROS), session.account().available(at));
        }).orElseThrow(() -> new NotFoundException("no loyalty member " + customerId));
    }
}
