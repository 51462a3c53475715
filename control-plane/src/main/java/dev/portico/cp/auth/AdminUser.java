package dev.portico.cp.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Someone who may use the admin API, with one of the {@link Roles}. */
@Entity
@Table(name = "admin_user")
public class AdminUser extends PanacheEntityBase {

    @Id
    public String username;

    /** bcrypt, never the password. */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public String role;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Bumped on every password change; tokens carry the version they were issued with. */
    @Column(name = "credentials_version", nullable = false)
    public int credentialsVersion;
}
