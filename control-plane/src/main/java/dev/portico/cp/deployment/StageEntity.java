package dev.portico.cp.deployment;

import dev.portico.cp.api.JsonMapConverter;
import dev.portico.cp.api.ShortId;
import dev.portico.cp.api.Timestamped;
import dev.portico.cp.error.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.util.Map;

/** A named stage of an API; it is live (served by nodes) while it points at a deployment. */
@Entity
@Table(name = "stage")
public class StageEntity extends Timestamped {

    @Id
    public String id;

    @Column(name = "api_id", nullable = false, updatable = false)
    public String apiId;

    @Column(nullable = false, updatable = false)
    public String name;

    @Column(name = "deployment_id")
    public String deploymentId;

    public String description;

    @Convert(converter = JsonMapConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false)
    public Map<String, String> variables;

    @Column(nullable = false)
    public long revision;

    public static StageEntity create(String apiId, String name, String description, Map<String, String> variables) {
        StageEntity stage = new StageEntity();
        stage.id = ShortId.next();
        stage.apiId = apiId;
        stage.name = name;
        stage.description = description;
        stage.variables = variables == null ? Map.of() : Map.copyOf(variables);
        stage.revision = 1;
        stage.stampCreated();
        return stage;
    }

    public static StageEntity require(String apiId, String name) {
        return StageEntity.<StageEntity>find("apiId = ?1 and name = ?2", apiId, name).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("stage " + name));
    }

    public boolean isLive() {
        return deploymentId != null;
    }

    /** Records a change of the stage's settings: the ETag changes. */
    public void changed() {
        revision++;
        stampUpdated();
    }
}
