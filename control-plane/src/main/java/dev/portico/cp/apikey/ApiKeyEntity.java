package dev.portico.cp.apikey;

import dev.portico.cp.api.ShortId;
import dev.portico.cp.api.Timestamped;
import dev.portico.cp.error.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;

/** An API key: its name, whether it is enabled, and the hash of its value (never the value). */
@Entity
@Table(name = "api_key")
public class ApiKeyEntity extends Timestamped {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public boolean enabled;

    /** {@link ApiKeyValue#hash} of the value. */
    @Column(name = "key_hash", nullable = false, updatable = false)
    public String keyHash;

    @Column(name = "display_prefix", nullable = false, updatable = false)
    public String displayPrefix;

    /** Grows on every change; the key's ETag. */
    @Column(nullable = false)
    public long revision;

    /** When the control plane last stored a node's report of the key's use; null until the first one. */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public static ApiKeyEntity create(String value, String name, String description, boolean enabled) {
        ApiKeyEntity key = new ApiKeyEntity();
        key.id = ShortId.next();
        key.name = name;
        key.description = description;
        key.enabled = enabled;
        key.keyHash = ApiKeyValue.hash(value);
        key.displayPrefix = ApiKeyValue.displayPrefix(value);
        key.revision = 1;
        key.stampCreated();
        return key;
    }

    public static ApiKeyEntity require(String id) {
        return ApiKeyEntity.<ApiKeyEntity>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    /** The key, row-locked until the transaction ends, so the ETag check and the change cannot race. */
    public static ApiKeyEntity lock(String id) {
        return ApiKeyEntity.<ApiKeyEntity>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(id));
    }

    /** Records a change: the ETag changes. */
    public void changed() {
        revision++;
        stampUpdated();
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("API key " + id);
    }
}
