package dev.portico.cp.usageplan;

import dev.portico.cp.api.Throttle;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One API stage a plan covers, with its per-route throttles. */
@Entity
@Table(name = "usage_plan_stage")
public class UsagePlanStageEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public String planId;

    @Column(name = "api_id", nullable = false, updatable = false)
    public String apiId;

    @Column(nullable = false, updatable = false)
    public String stage;

    @Column(nullable = false)
    public int position;

    @Convert(converter = RouteThrottlesConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false)
    public Map<String, Throttle> throttle;

    static UsagePlanStageEntity of(String planId, int position, ApiStage apiStage) {
        UsagePlanStageEntity row = new UsagePlanStageEntity();
        row.planId = planId;
        row.position = position;
        row.apiId = apiStage.apiId();
        row.stage = apiStage.stage();
        row.throttle = apiStage.throttle() == null ? Map.of() : new TreeMap<>(apiStage.throttle());
        return row;
    }

    /** The API stages of these plans, each plan's in its order. */
    static List<UsagePlanStageEntity> ofPlans(List<String> planIds) {
        return planIds.isEmpty() ? List.of()
                : UsagePlanStageEntity.<UsagePlanStageEntity>list("planId in ?1 order by planId, position", planIds);
    }

    ApiStage view() {
        return new ApiStage(apiId, stage, throttle);
    }

    String label() {
        return apiId + "/" + stage;
    }
}
