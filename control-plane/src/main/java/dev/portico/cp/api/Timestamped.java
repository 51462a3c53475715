package dev.portico.cp.api;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** An entity with creation and last-change times. */
@MappedSuperclass
public abstract class Timestamped extends PanacheEntityBase {

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Sets both times to now; call once, when the entity is new. */
    protected void stampCreated() {
        createdAt = now();
        updatedAt = createdAt;
    }

    protected void stampUpdated() {
        updatedAt = now();
    }

    /** Truncated to what PostgreSQL keeps, so the answer to a write equals a later read. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
