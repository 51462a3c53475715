package dev.portico.cp.api;

import dev.portico.cp.error.ProblemException;
import dev.portico.snapshot.Cors;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

/** An API: its name, its CORS settings and the counters of its draft and its deployments. */
@Entity
@Table(name = "api")
public class ApiEntity extends Timestamped {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    public String description;

    /** Live configuration, like keys and plans: nodes get a change without a deployment. Null: no CORS. */
    @Convert(converter = CorsConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    public Cors cors;

    /** Grows on every draft edit (the API itself, its routes, integrations and authorizers, its CORS); the API's ETag. */
    @Column(nullable = false)
    public long revision;

    @Column(name = "last_deployment_version", nullable = false)
    public int lastDeploymentVersion;

    public static ApiEntity create(String name, String description, Cors cors) {
        ApiEntity api = new ApiEntity();
        api.id = ShortId.next();
        api.name = name;
        api.description = description;
        api.cors = cors;
        api.revision = 1;
        api.stampCreated();
        return api;
    }

    public static ApiEntity require(String id) {
        return ApiEntity.<ApiEntity>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The API, row-locked until the transaction ends: every change to an API or its parts takes this
     * lock first, so ETag checks, route-key conflicts and deployment numbering cannot race.
     */
    public static ApiEntity lock(String id) {
        return ApiEntity.<ApiEntity>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(id));
    }

    /** Records an edit of the draft: the ETag changes. */
    public void draftChanged() {
        revision++;
        stampUpdated();
    }

    /** The version of a new deployment: one more than the last, never reused. */
    public int nextDeploymentVersion() {
        return ++lastDeploymentVersion;
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("API " + id);
    }
}
