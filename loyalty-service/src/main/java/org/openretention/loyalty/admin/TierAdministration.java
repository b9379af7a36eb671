package org.openretention.loyalty.admin;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openretention.loyalty.support.Jdbc;
import org.openretention.platform.rest.ProblemException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The programme's tiers. Every change takes an exclusive lock on the tier table (readers go on), so two
 * administrators cannot together leave the programme without tiers or with two tiers of one rank.
 */
@ApplicationScoped
public class TierAdministration {

    /** The tier and whether the call created it. */
    public record Upserted(TierView tier, boolean created) {
    }

    private static final String COLUMNS = "name, rank, qualifying_spend, multiplier, discount_percent, free_shipping, priority_support, birthday_gift_points";

    private final AgroalDataSource dataSource;

    @Inject
    public TierAdministration(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<TierView> list() {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM tier ORDER BY rank"); ResultSet rs = s.executeQuery()) {
                List<TierView> tiers = new ArrayList<>();
                while (rs.next()) {
                    tiers.add(read(rs));
                }
                return tiers;
            }
        });
    }

    public TierView get(String name) {
        return Jdbc.with(dataSource, c -> find(c, name)).orElseThrow(() -> notFound(name));
    }

    @Transactional
    public Upserted upsert(String name, TierRequest request) {
        return Jdbc.with(dataSource, c -> {
            lock(c);
            try (PreparedStatement s = c.prepareStatement("SELECT name FROM tier WHERE rank = ? AND name <> ?")) {
                s.setInt(1, request.rank());
                s.setString(2, name);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        throw ProblemException.conflict("rank " + request.rank() + " is held by tier " + rs.getString(1) + "; ranks are unique");
                    }
                }
            }
            boolean exists = find(c, name).isPresent();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tier (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET rank = EXCLUDED.rank, qualifying_spend = EXCLUDED.qualifying_spend,"
                    + " multiplier = EXCLUDED.multiplier, discount_percent = EXCLUDED.discount_percent, free_shipping = EXCLUDED.free_shipping,"
                    + " priority_support = EXCLUDED.priority_support, birthday_gift_points = EXCLUDED.birthday_gift_points"
                    + " RETURNING " + COLUMNS)) {
                s.setString(1, name);
                s.setInt(2, request.rank());
                s.setBigDecimal(3, request.qualifyingSpend());
                s.setBigDecimal(4, request.multiplier());
                s.setBigDecimal(5, request.discountPercent());
                s.setBoolean(6, request.freeShipping());
                s.setBoolean(7, request.prioritySupport());
                s.setLong(8, request.birthdayGiftPoints());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new Upserted(read(rs), !exists);
                }
            }
        });
    }

    @Transactional
    public void delete(String name) {
        Jdbc.with(dataSource, c -> {
            lock(c);
            if (find(c, name).isEmpty()) {
                throw notFound(name);
            }
            long members = count(c, "SELECT count(*) FROM loyalty_member WHERE tier = ?", name);
            if (members > 0) {
                throw ProblemException.conflict("tier " + name + " is held by " + members + " member(s); it cannot be deleted");
            }
            if (count(c, "SELECT count(*) FROM tier WHERE name <> ?", name) == 0) {
                throw ProblemException.conflict("tier " + name + " is the programme's last tier; it cannot be deleted");
            }
            long rewards = count(c, "SELECT count(*) FROM reward WHERE active AND min_tier = ?", name);
            if (rewards > 0) {
                throw ProblemException.conflict("tier " + name + " is the minimum tier of " + rewards + " active reward(s); change them first");
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM tier WHERE name = ?")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            return null;
        });
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("LOCK TABLE tier IN EXCLUSIVE MODE")) {
            s.execute();
        }
    }

    private static long count(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Optional<TierView> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM tier WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static ProblemException notFound(String name) {
        return ProblemException.notFound("no tier " + name);
    }

    private static TierView read(ResultSet rs) throws SQLException {
        return new TierView(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                rs.getBoolean(6), rs.getBoolean(7), rs.getLong(8));
    }
}
