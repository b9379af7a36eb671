package org.openretention.loyalty.rest;

import org.openretention.loyalty.service.LedgerMaintenance;

import java.time.Instant;

/** What a run of the ledger maintenance did, as the API reports it. */
public record MaintenanceRun(Instant asOf, int members, int referralsConverted) {

    static MaintenanceRun of(LedgerMaintenance.Run run) {
        return new MaintenanceRun(run.asOf(), run.members(), run.referralsConverted());
    }
}
