package org.openretention.loyalty.program;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.platform.jdbc.StatementPipeline;
import org.openretention.platform.messaging.RetryBatchException;
import org.openretention.loyalty.config.LoyaltyConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the programme administrators maintain (tiers, earning rules, promotions) so that every batch of work
 * runs against the programme as it stands, whichever instance changed it. The programme is kept in memory
 * together with the {@code programme_version} it was read at; every change to it bumps that counter (triggers,
 * see V3), so {@link #current()} costs one single-row query while nothing changed. That check stays plain JDBC on
 * the intake's pipeline (it runs for every batch); the programme itself is read through the Panache repositories,
 * only when the version has moved.
 */
@ApplicationScoped
public class ProgrammeRepository {

    private final StatementPipeline pipeline;
    private final LoyaltyConfig config;
    private final TierRepository tiers;
    private final PromotionRepository promotions;
    private final EarningRulesRepository rules;

    @Inject
    public ProgrammeRepository(StatementPipeline pipeline, LoyaltyConfig config, TierRepository tiers, PromotionRepository promotions,
                               EarningRulesRepository rules) {
        this.pipeline = pipeline;
        this.config = config;
        this.tiers = tiers;
        this.promotions = promotions;
        this.rules = rules;
    }

    private record Snapshot(Programme programme, long loadedAtNanos) {
    }

    private static final long RECENT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    private volatile Snapshot recent;

    /**
     * The programme as read at most five seconds ago, for reads that only show it (member summaries): it spares
     * three queries per request. Event intake and every write use {@link #current()}.
     */
    public Programme recent() {
        Snapshot snapshot = recent;
        long now = System.nanoTime();
        if (snapshot == null || now - snapshot.loadedAtNanos() > RECENT_NANOS) {
            snapshot = new Snapshot(current(), now);
            recent = snapshot;
        }
        return snapshot.programme();
    }

    private record Versioned(long version, Programme programme) {
    }

    private volatile Versioned cached;

    /**
     * The programme as stored now. In an intake batch (an open {@link StatementPipeline}) the one kept in memory is
     * returned at once, and its version is checked with the batch's next read instead: if it has changed, that read
     * fails with a {@link RetryBatchException} and the batch is applied again, with the programme read anew.
     */
    public Programme current() {
        Versioned known = cached;
        if (known != null && known.version() >= 0 && pipeline.isOpen()) {
            pipeline.queue("SELECT version FROM programme_version WHERE id = 1", p -> {
            }, s -> {
                try (ResultSet rs = s.getResultSet()) {
                    long version = rs.next() ? rs.getLong(1) : -1;
                    if (version != known.version()) {
                        cached = null;
                        throw new RetryBatchException("the loyalty programme changed (version " + known.version() + " -> " + version + ")");
                    }
                }
            });
            return known.programme();
        }
        long version;
        try (Connection c = pipeline.connection();
             PreparedStatement s = c.prepareStatement("SELECT version FROM programme_version WHERE id = 1"); ResultSet rs = s.executeQuery()) {
            version = rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the loyalty programme: " + e.getMessage(), e);
        }
        Versioned latest = cached;
        if (latest != null && latest.version() == version && version >= 0) {
            return latest.programme();
        }
        // read after the version: a change committed in between is newer than the tag, and is re-read next time
        Programme programme = load();
        cached = new Versioned(version, programme);
        return programme;
    }

    private Programme load() {
        return new Programme(new TierPolicy(tiers(), config.maxDowngradeSteps()),
                new EarningPolicy(rules(), activePromotions()),
                config.returnWindow(), config.pointsExpiryMonths(), config.timezone(), config.currency(),
                config.exchangeRates(), config.expiringNotice(), config.eventSource());
    }

    /** The tiers, lowest rank first. */
    public List<Tier> tiers() {
        return read(tiers::byRank);
    }

    /** Every promotion, deactivated ones included, by start. */
    public List<Promotion> promotions() {
        return read(() -> promotions.byStart(false));
    }

    public EarningRules rules() {
        return read(rules::current);
    }

    private List<Promotion> activePromotions() {
        return read(() -> promotions.byStart(true));
    }

    /** In the caller's transaction (an intake batch, an API change) if there is one, else in a short one of its own. */
    private static <T> T read(java.util.function.Supplier<T> query) {
        return QuarkusTransaction.joiningExisting().call(query::get);
    }
}
