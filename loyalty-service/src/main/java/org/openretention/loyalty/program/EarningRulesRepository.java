package org.openretention.loyalty.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** The programme's earning rules: one row, kept as the JSON of {@link EarningRules}. */
@ApplicationScoped
public class EarningRulesRepository implements PanacheRepositoryBase<EarningRulesEntity, Integer> {

    private final ObjectMapper json;

    @Inject
    public EarningRulesRepository(ObjectMapper json) {
        this.json = json;
    }

    public Optional<EarningRulesEntity> stored() {
        return findByIdOptional(EarningRulesEntity.ID);
    }

    /** The stored rules, or the defaults while none are stored. */
    public EarningRules current() {
        return stored().map(row -> parse(row.rules)).orElseGet(EarningRules::defaults);
    }

    public EarningRules parse(String text) {
        try {
            return json.readValue(text, EarningRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored earning rules are unreadable: " + e.getOriginalMessage(), e);
        }
    }

    public String write(EarningRules rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write earning rules: " + e.getOriginalMessage(), e);
        }
    }
}
