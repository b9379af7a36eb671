package org.openretention.feedback.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.openretention.events.feedback.FeedbackAlert;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** An alert rule (V4 {@code alert_rule}): a keyword watch list or a negative-spike detector. */
@Entity
@Table(name = "alert_rule")
public class AlertRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FeedbackAlert.Kind kind;
    /** KEYWORD: one word per line. */
    public String words;
    public String scope;
    @Column(name = "min_negatives")
    public Integer minNegatives;
    public Double factor;
    @Column(name = "min_lift")
    public Double minLift;
    @Column(nullable = false)
    public boolean enabled = true;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> wordList() {
        return words == null ? List.of() : Arrays.stream(words.split("\n")).filter(w -> !w.isBlank()).toList();
    }
}
