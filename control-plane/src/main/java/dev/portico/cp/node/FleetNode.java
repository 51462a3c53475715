package dev.portico.cp.node;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A data-plane node as the control plane last heard of it. */
@Entity
@Table(name = "fleet_node")
public class FleetNode extends PanacheEntityBase {

    @Id
    public String id;

    public String address;

    public String version;

    @Column(name = "applied_revision", nullable = false)
    public long appliedRevision;

    @Column(nullable = false)
    public boolean connected;

    /** The connection that holds the node now; see V1__platform.sql. */
    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "connected_at")
    public Instant connectedAt;

    /** When the node last said anything (a heartbeat, an ack, its hello). */
    @Column(name = "last_heartbeat")
    public Instant lastHeartbeat;

    @Column(name = "last_error")
    public String lastError;
}
