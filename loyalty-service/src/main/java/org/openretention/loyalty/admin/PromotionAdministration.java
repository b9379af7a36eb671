package org.openretention.loyalty.admin;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openretention.loyalty.program.EarningTrigger;
import org.openretention.loyalty.program.ProgrammeRepository;
import org.openretention.loyalty.program.Promotion;
import org.openretention.loyalty.program.Tier;
import org.openretention.loyalty.support.FieldChecks;
import org.openretention.loyalty.support.Jdbc;
import org.openretention.platform.rest.ProblemException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Time-limited points boosts. Event intake reads the active ones for every batch; deleting a promotion only
 * deactivates it, so the points it gave stay explainable.
 */
@ApplicationScoped
public class PromotionAdministration {

    private static final String COLUMNS = "id, name, kind, multiplier, bonus_points, valid_from, valid_to, categories, tiers, triggers, active";

    private final AgroalDataSource dataSource;
    private final ProgrammeRepository programme;

    @Inject
    public PromotionAdministration(AgroalDataSource dataSource, ProgrammeRepository programme) {
        this.dataSource = dataSource;
        this.programme = programme;
    }

    public List<PromotionView> list(boolean activeOnly) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM promotion" + (activeOnly ? " WHERE active" : "")
                    + " ORDER BY valid_from, id"); ResultSet rs = s.executeQuery()) {
                List<PromotionView> promotions = new ArrayList<>();
                while (rs.next()) {
                    promotions.add(read(rs));
                }
                return promotions;
            }
        });
    }

    public PromotionView get(UUID id) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM promotion WHERE id = ?")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw notFound(id);
                    }
                    return read(rs);
                }
            }
        });
    }

    @Transactional
    public PromotionView create(PromotionRequest request) {
        check(request);
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO promotion (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
                s.setObject(1, UUID.randomUUID());
                bind(c, s, 2, request);
                s.setBoolean(11, request.active() == null || request.active());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return read(rs);
                }
            }
        });
    }

    @Transactional
    public PromotionView update(UUID id, PromotionRequest request) {
        check(request);
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE promotion SET name = ?, kind = ?, multiplier = ?, bonus_points = ?, valid_from = ?, valid_to = ?,
                        categories = ?, tiers = ?, triggers = ?, active = COALESCE(?, active)
                    WHERE id = ?
                    RETURNING\s""" + COLUMNS)) {
                bind(c, s, 1, request);
                if (request.active() == null) {
                    s.setNull(10, Types.BOOLEAN);
                } else {
                    s.setBoolean(10, request.active());
                }
                s.setObject(11, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw notFound(id);
                    }
                    return read(rs);
                }
            }
        });
    }

    @Transactional
    public void deactivate(UUID id) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE promotion SET active = false WHERE id = ?")) {
                s.setObject(1, id);
                if (s.executeUpdate() == 0) {
                    throw notFound(id);
                }
                return null;
            }
        });
    }

    private void check(PromotionRequest r) {
        List<String> tiers = programme.tiers().stream().map(Tier::name).toList();
        List<String> unknown = r.tiersOrEmpty().stream().filter(t -> !tiers.contains(t)).toList();
        new FieldChecks()
                .check(r.kind() != Promotion.Kind.MULTIPLIER || r.multiplier() != null, "multiplier", "is required for a MULTIPLIER promotion")
                .check(r.kind() != Promotion.Kind.BONUS || (r.bonusPoints() != null && r.bonusPoints() > 0),
                        "bonusPoints", "must be greater than 0 for a BONUS promotion")
                .check(r.validFrom() == null || r.validTo() == null || r.validTo().isAfter(r.validFrom()), "validTo", "must be after validFrom")
                .check(unknown.isEmpty(), "tiers", "names tiers the programme does not have: " + String.join(", ", unknown))
                .orFail();
    }

    private static void bind(Connection c, PreparedStatement s, int first, PromotionRequest r) throws SQLException {
        s.setString(first, r.name().strip());
        s.setString(first + 1, r.kind().name());
        s.setBigDecimal(first + 2, r.kind() == Promotion.Kind.MULTIPLIER ? r.multiplier() : BigDecimal.ONE);
        s.setLong(first + 3, r.kind() == Promotion.Kind.BONUS ? r.bonusPoints() : 0);
        s.setTimestamp(first + 4, Jdbc.timestamp(r.validFrom()));
        s.setTimestamp(first + 5, Jdbc.timestamp(r.validTo()));
        s.setArray(first + 6, Jdbc.textArray(c, r.categoriesOrEmpty()));
        s.setArray(first + 7, Jdbc.textArray(c, r.tiersOrEmpty()));
        s.setArray(first + 8, Jdbc.textArray(c, r.triggersOrEmpty()));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("no promotion " + id);
    }

    private static PromotionView read(ResultSet rs) throws SQLException {
        return new PromotionView(rs.getObject(1, UUID.class), rs.getString(2), Promotion.Kind.valueOf(rs.getString(3)), rs.getBigDecimal(4),
                rs.getLong(5), Jdbc.instant(rs, 6), Jdbc.instant(rs, 7), Jdbc.strings(rs.getArray(8)), Jdbc.strings(rs.getArray(9)),
                Jdbc.strings(rs.getArray(10)).stream().map(EarningTrigger::valueOf).toList(), rs.getBoolean(11));
    }
}
