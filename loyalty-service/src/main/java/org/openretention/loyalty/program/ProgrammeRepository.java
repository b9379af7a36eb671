package org.openretention.loyalty.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.platform.jdbc.StatementPipeline;
import org.openretention.platform.messaging.RetryBatchException;
import org.openretention.loyalty.config.LoyaltyConfig;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads the programme administrators maintain (tiers, earning rules, promotions) so that every batch of work
 * runs against the programme as it stands, whichever instance changed it. The programme is kept in memory
 * together with the {@code programme_version} it was read at; every change to it bumps that counter (triggers,
 * see V3), so {@link #current()} costs one single-row query while nothing changed.
 */
@ApplicationScoped
public class ProgrammeRepository {

    private final AgroalDataSource dataSource;
    private final StatementPipeline pipeline;
    private final LoyaltyConfig config;
    private final ObjectMapper json;

    @Inject
    public ProgrammeRepository(AgroalDataSource dataSource, StatementPipeline pipeline, LoyaltyConfig config, ObjectMapper json) {
        this.dataSource = dataSource;
        this.pipeline = pipeline;
        this.config = config;
        this.json = json;
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
        try (Connection c = pipeline.connection()) {
            long version;
            try (PreparedStatement s = c.prepareStatement("SELECT version FROM programme_version WHERE id = 1"); ResultSet rs = s.executeQuery()) {
                version = rs.next() ? rs.getLong(1) : -1;
            }
            Versioned latest = cached;
            if (latest != null && latest.version() == version && version >= 0) {
                return latest.programme();
            }
            // read after the version: a change committed in between is newer than the tag, and is re-read next time
            Programme programme = load(c);
            cached = new Versioned(version, programme);
            return programme;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the loyalty programme: " + e.getMessage(), e);
        }
    }

    private Programme load(Connection c) throws SQLException {
        return new Programme(new TierPolicy(tiers(c), config.maxDowngradeSteps()),
                new EarningPolicy(rules(c), promotions(c, false)),
                config.returnWindow(), config.pointsExpiryMonths(), config.timezone(), config.currency(),
                config.exchangeRates(), config.expiringNotice(), config.eventSource());
    }

    public List<Tier> tiers() {
        try (Connection c = dataSource.getConnection()) {
            return tiers(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Promotion> promotions() {
        try (Connection c = dataSource.getConnection()) {
            return promotions(c, true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public EarningRules rules() {
        try (Connection c = dataSource.getConnection()) {
            return rules(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Tier> tiers(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT name, rank, qualifying_spend, multiplier, discount_percent, free_shipping, priority_support, birthday_gift_points
                FROM tier ORDER BY rank"""); ResultSet rs = s.executeQuery()) {
            List<Tier> tiers = new ArrayList<>();
            while (rs.next()) {
                tiers.add(new Tier(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getBoolean(6), rs.getBoolean(7), rs.getLong(8)));
            }
            return tiers;
        }
    }

    private EarningRules rules(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT rules FROM earning_rules WHERE id = 1"); ResultSet rs = s.executeQuery()) {
            return rs.next() ? json.readValue(rs.getString(1), EarningRules.class) : EarningRules.defaults();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored earning rules are unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private static List<Promotion> promotions(Connection c, boolean includeInactive) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, name, kind, multiplier, bonus_points, valid_from, valid_to, categories, tiers, triggers, active
                FROM promotion""" + (includeInactive ? "" : " WHERE active") + " ORDER BY valid_from, id");
             ResultSet rs = s.executeQuery()) {
            List<Promotion> promotions = new ArrayList<>();
            while (rs.next()) {
                promotions.add(new Promotion(rs.getObject(1, UUID.class), rs.getString(2), Promotion.Kind.valueOf(rs.getString(3)),
                        rs.getBigDecimal(4), rs.getLong(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                        strings(rs.getArray(8)), strings(rs.getArray(9)),
                        strings(rs.getArray(10)).stream().map(EarningTrigger::valueOf).collect(Collectors.toSet()), rs.getBoolean(11)));
            }
            return promotions;
        }
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
