package org.openretention.loyalty.rest;

import org.openretention.loyalty.service.MemberQueries;

import java.time.Instant;
import java.util.List;

/** A page of a member's ledger entries, newest first, as the API shows it. */
public record LedgerPage(String customerId, int page, int size, long totalEntries, List<Entry> entries) {

    public record Entry(long id, String type, long points, String reason, String causeId, Instant occurredAt,
                        Instant availableAt, String actor) {
    }

    static LedgerPage of(String customerId, int page, int size, MemberQueries.LedgerPage ledger) {
        return new LedgerPage(customerId, page, size, ledger.totalEntries(), ledger.entries().stream()
                .map(e -> new Entry(e.id(), e.entry().type().name(), e.entry().points(), e.entry().reason(), e.entry().causeId(),
                        e.entry().occurredAt(), e.entry().availableAt(), e.entry().actor()))
                .toList());
    }
}
