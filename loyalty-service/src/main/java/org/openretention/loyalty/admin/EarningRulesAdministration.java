package org.openretention.loyalty.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openretention.loyalty.program.EarningRules;
import org.openretention.loyalty.support.Jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The programme's earning rules: one row, the JSON of {@link EarningRules}, read by every batch of event intake
 * through the programme repository, so a change applies to the next events whichever instance takes them.
 */
@ApplicationScoped
public class EarningRulesAdministration {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    public EarningRulesAdministration(AgroalDataSource dataSource, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    public EarningRulesView get() {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT rules, updated_at, updated_by FROM earning_rules WHERE id = 1");
                 ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return EarningRulesView.of(EarningRules.defaults(), null, null);
                }
                return EarningRulesView.of(parse(rs.getString(1)), Jdbc.instant(rs, 2), rs.getString(3));
            }
        });
    }

    @Transactional
    public EarningRulesView replace(EarningRulesRequest request, String actor) {
        EarningRules rules = request.toRules();
        String text;
        try {
            text = json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write earning rules: " + e.getOriginalMessage(), e);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO earning_rules (id, rules, updated_at, updated_by) VALUES (1, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET rules = EXCLUDED.rules, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")) {
                s.setString(1, text);
                s.setTimestamp(2, Jdbc.timestamp(now));
                s.setString(3, actor);
                s.executeUpdate();
            }
            return EarningRulesView.of(rules, now, actor);
        });
    }

    private EarningRules parse(String text) {
        try {
            return json.readValue(text, EarningRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored earning rules are unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
