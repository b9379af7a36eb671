package org.openretention.platform.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A row of kit_test_effect as a Panache entity, for the tests of Hibernate inside an intake transaction. */
@Entity
@Table(name = "kit_test_effect")
public class TestEffect extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "order_id")
    public String orderId;
}
