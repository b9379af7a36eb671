package org.openretention.feedback.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * What the other services said of a customer (V2 {@code customer_context}): the lifecycle stage from segment-events and
 * the loyalty tier from loyalty-events, each the value of the latest event by event time.
 */
@Entity
@Table(name = "customer_context")
public class CustomerContext extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "lifecycle_stage")
    public String lifecycleStage;
    @Column(name = "stage_at")
    public Instant stageAt;
    public String tier;
    @Column(name = "tier_at")
    public Instant tierAt;
}
