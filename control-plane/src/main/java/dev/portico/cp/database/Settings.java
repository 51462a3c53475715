package dev.portico.cp.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.function.Supplier;

/**
 * The control plane's own secrets and settings (table {@code setting}), shared by every replica.
 * A value is generated once: when several replicas start together, the first one to store it wins
 * and all of them use that one.
 */
@ApplicationScoped
public class Settings {

    private final EntityManager entityManager;

    Settings(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The stored value of {@code key}, storing {@code generate}'s when there is none yet. */
    @Transactional
    public Setting getOrCreate(String key, Supplier<String> generate) {
        String stored = find(key);
        if (stored != null) {
            return new Setting(stored, false);
        }
        String generated = generate.get();
        int inserted = entityManager.createNativeQuery(
                        "INSERT INTO setting (key, value, created_at) VALUES (?1, ?2, now()) ON CONFLICT (key) DO NOTHING")
                .setParameter(1, key)
                .setParameter(2, generated)
                .executeUpdate();
        // Lost the race: another replica stored its value first (READ COMMITTED sees it now).
        return inserted == 1 ? new Setting(generated, true) : new Setting(find(key), false);
    }

    private String find(String key) {
        List<?> rows = entityManager.createNativeQuery("SELECT value FROM setting WHERE key = ?1")
                .setParameter(1, key)
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** A setting's value, and whether this call generated it. */
    public record Setting(String value, boolean created) {
    }
}
