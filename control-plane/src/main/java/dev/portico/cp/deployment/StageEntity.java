package dev.portico.cp.deployment;

import dev.portico.cp.api.JsonMapConverter;
import dev.portico.cp.api.ShortId;
import dev.portico.cp.api.Throttle;
import dev.portico.cp.api.Timestamped;
import dev.portico.cp.error.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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

    /** The default throttle of each route: both set or both null. */
    @Column(name = "rate_limit")
    public Double rateLimit;

    @Column(name = "burst_limit")
    public Integer burstLimit;

    /** Per route key; never holds an entry without a setting. */
    @Convert(converter = RouteSettingsConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "route_settings", nullable = false)
    public Map<String, RouteSettings> routeSettings;

    @Column(nullable = false)
    public long revision;

    public static StageEntity create(String apiId, String name, String description, Map<String, String> variables) {
        StageEntity stage = new StageEntity();
        stage.id = ShortId.next();
        stage.apiId = apiId;
        stage.name = name;
        stage.description = description;
        stage.variables = variables == null ? Map.of() : Map.copyOf(variables);
        stage.routeSettings = Map.of();
        stage.revision = 1;
        stage.stampCreated();
        return stage;
    }

    public static StageEntity require(String apiId, String name) {
        return StageEntity.<StageEntity>find("apiId = ?1 and name = ?2", apiId, name).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("stage " + name));
    }

    public Throttle throttle() {
        return Throttle.of(rateLimit, burstLimit);
    }

    /**
     * Sets the throttle settings; null keeps a part as it is, {@code {}} removes the throttle.
     *
     * @return whether anything changed
     */
    boolean throttles(Throttle throttle, Map<String, RouteSettings> settings) {
        boolean changed = false;
        if (throttle != null) {
            Throttle wanted = throttle.none() ? null : throttle;
            changed = !Objects.equals(wanted, throttle());
            rateLimit = wanted == null ? null : wanted.rateLimit();
            burstLimit = wanted == null ? null : wanted.burstLimit();
        }
        if (settings != null) {
            Map<String, RouteSettings> wanted = StageThrottles.stored(settings);
            changed |= !wanted.equals(new TreeMap<>(routeSettings));
            routeSettings = wanted;
        }
        return changed;
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
