package org.openretention.segmentation.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** One evaluation of every customer's segments (V3 {@code evaluation_run}). */
@Entity
@Table(name = "evaluation_run")
public class EvaluationRun extends PanacheEntityBase {

    /** What started the run. */
    public enum Trigger { SCHEDULED, ON_DEMAND }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "as_of", nullable = false)
    public Instant asOf;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(nullable = false)
    public long customers;
    @Column(nullable = false)
    public long changed;
    @Column(name = "duration_ms", nullable = false)
    public long durationMs;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Trigger trigger;

    /** The latest run, by start. */
    public static Optional<EvaluationRun> latest() {
        return find("ORDER BY startedAt DESC, id DESC").firstResultOptional();
    }
}
