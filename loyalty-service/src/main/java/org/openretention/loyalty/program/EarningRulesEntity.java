package org.openretention.loyalty.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The single row of {@code earning_rules} (V1, id 1): the JSON of {@link EarningRules}. Every change bumps
 * {@code programme_version} by trigger (V3).
 */
@Entity
@Table(name = "earning_rules")
public class EarningRulesEntity {

    /** The only id the table allows. */
    public static final int ID = 1;

    @Id
    public int id;
    @Column(nullable = false, columnDefinition = "text")
    public String rules;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "updated_by", length = 200)
    public String updatedBy;
}
