package org.openretention.loyalty.catalog;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openretention.events.loyalty.RewardType;
import org.openretention.loyalty.program.ProgrammeRepository;
import org.openretention.loyalty.program.Tier;
import org.openretention.loyalty.support.FieldChecks;
import org.openretention.loyalty.support.Jdbc;
import org.openretention.platform.rest.ProblemException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rewards catalogue administrators maintain and members redeem from. Deleting a reward only deactivates it. */
@ApplicationScoped
public class RewardCatalogue {

    static final String COLUMNS = "id, name, points_cost, type, stock, valid_from, valid_to, min_tier, active, created_at, updated_at";

    private final AgroalDataSource dataSource;
    private final ProgrammeRepository programme;
    private final Clock clock;

    @Inject
    public RewardCatalogue(AgroalDataSource dataSource, ProgrammeRepository programme, Clock clock) {
        this.dataSource = dataSource;
        this.programme = programme;
        this.clock = clock;
    }

    @Transactional
    public Reward create(RewardRequest request) {
        check(request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO reward (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
                s.setObject(1, UUID.randomUUID());
                bind(s, 2, request);
                s.setBoolean(9, request.active() == null || request.active());
                s.setTimestamp(10, Jdbc.timestamp(now));
                s.setTimestamp(11, Jdbc.timestamp(now));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return read(rs);
                }
            }
        });
    }

    @Transactional
    public Reward update(UUID id, RewardRequest request) {
        check(request);
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE reward SET name = ?, points_cost = ?, type = ?, stock = ?, valid_from = ?, valid_to = ?, min_tier = ?,
                        active = COALESCE(?, active), updated_at = ?
                    WHERE id = ?
                    RETURNING\s""" + COLUMNS)) {
                bind(s, 1, request);
                if (request.active() == null) {
                    s.setNull(8, Types.BOOLEAN);
                } else {
                    s.setBoolean(8, request.active());
                }
                s.setTimestamp(9, Jdbc.timestamp(clock.instant()));
                s.setObject(10, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw notFound(id);
                    }
                    return read(rs);
                }
            }
        });
    }

    /** Takes a reward out of the catalogue; redemptions made of it stay. */
    @Transactional
    public void deactivate(UUID id) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE reward SET active = false, updated_at = ? WHERE id = ?")) {
                s.setTimestamp(1, Jdbc.timestamp(clock.instant()));
                s.setObject(2, id);
                if (s.executeUpdate() == 0) {
                    throw notFound(id);
                }
                return null;
            }
        });
    }

    public Reward get(UUID id) {
        return Jdbc.with(dataSource, c -> find(c, id)).orElseThrow(() -> notFound(id));
    }

    public List<Reward> list(boolean activeOnly) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM reward"
                    + (activeOnly ? " WHERE active" : "") + " ORDER BY created_at, id");
                 ResultSet rs = s.executeQuery()) {
                List<Reward> rewards = new ArrayList<>();
                while (rs.next()) {
                    rewards.add(read(rs));
                }
                return rewards;
            }
        });
    }

    /** The reward on {@code c} (the caller's transaction), if it exists. */
    static Optional<Reward> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM reward WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("no reward " + id);
    }

    private void check(RewardRequest request) {
        List<String> tiers = programme.tiers().stream().map(Tier::name).toList();
        new FieldChecks()
                .check(request.validFrom() == null || request.validTo() == null || request.validTo().isAfter(request.validFrom()),
                        "validTo", "must be after validFrom")
                .check(request.minTier() == null || tiers.contains(request.minTier()),
                        "minTier", "'" + request.minTier() + "' is not a tier of the programme (" + String.join(", ", tiers) + ")")
                .orFail();
    }

    private static void bind(PreparedStatement s, int first, RewardRequest r) throws SQLException {
        s.setString(first, r.name().strip());
        s.setLong(first + 1, r.pointsCost());
        s.setString(first + 2, r.type().name());
        if (r.stock() == null) {
            s.setNull(first + 3, Types.INTEGER);
        } else {
            s.setInt(first + 3, r.stock());
        }
        s.setTimestamp(first + 4, Jdbc.timestamp(r.validFrom()));
        s.setTimestamp(first + 5, Jdbc.timestamp(r.validTo()));
        s.setString(first + 6, r.minTier());
    }

    private static Reward read(ResultSet rs) throws SQLException {
        return new Reward(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), RewardType.valueOf(rs.getString(4)),
                Jdbc.nullableInt(rs, 5), Jdbc.instant(rs, 6), Jdbc.instant(rs, 7), rs.getString(8), rs.getBoolean(9),
                Jdbc.instant(rs, 10), Jdbc.instant(rs, 11));
    }
}
