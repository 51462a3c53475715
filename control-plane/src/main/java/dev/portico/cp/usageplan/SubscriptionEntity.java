package dev.portico.cp.usageplan;

import dev.portico.cp.api.Timestamped;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An API key subscribed to a usage plan. */
@Entity
@Table(name = "usage_plan_key")
public class SubscriptionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public String planId;

    @Column(name = "key_id", nullable = false, updatable = false)
    public String keyId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    static SubscriptionEntity of(String planId, String keyId) {
        SubscriptionEntity subscription = new SubscriptionEntity();
        subscription.planId = planId;
        subscription.keyId = keyId;
        subscription.createdAt = Timestamped.now();
        return subscription;
    }
}
