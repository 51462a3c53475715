package dev.portico.cp.snapshot;

import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.ApiKey;
import dev.portico.snapshot.Cors;
import dev.portico.snapshot.Deployment;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.Stage;
import dev.portico.snapshot.UsagePlan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the live stages of every API, the API keys and the usage plans into the snapshot nodes
 * serve. Pure: no database, no CDI, so the golden files of the contract pin its output.
 *
 * <p>APIs without a live stage are left out: nodes only ever see what was deployed. Content hashes
 * are recomputed from the content that is sent, so what a node verifies is exactly what it got.
 * Keys and plans are sent whole (they take effect without a deployment); a key names only plans the
 * snapshot carries, and a plan only the API stages that are live — so the snapshot changes only
 * when live configuration does (a stage that serves nothing can be deleted without a new revision).
 * An API's CORS settings are live configuration too: they travel on the API, outside its deployments.
 */
public final class SnapshotCompiler {

    private SnapshotCompiler() {
    }

    public static Snapshot compile(long revision, Collection<DeployedStage> stages, Collection<StoredKey> keys,
                                   Collection<StoredPlan> plans) {
        Set<String> liveStages = stages.stream().map(s -> s.apiId() + "/" + s.stageName()).collect(Collectors.toSet());
        List<UsagePlan> usagePlans = plans.stream()
                .map(p -> new UsagePlan(p.id(), p.throttle(), p.quota(), p.apiStages().stream()
                        .filter(s -> liveStages.contains(s.apiId() + "/" + s.stage())).toList()))
                .toList();
        Set<String> planIds = usagePlans.stream().map(UsagePlan::id).collect(Collectors.toSet());
        List<ApiKey> apiKeys = keys.stream()
                .map(k -> new ApiKey(k.id(), k.keyHash(), k.enabled(),
                        k.planIds().stream().filter(planIds::contains).distinct().toList()))
                .toList();
        return Snapshot.of(revision, apis(stages), apiKeys, usagePlans);
    }

    private static List<Api> apis(Collection<DeployedStage> stages) {
        Map<String, ApiStages> apis = new LinkedHashMap<>();
        Map<String, Deployment> deployments = new HashMap<>();
        for (DeployedStage stage : stages) {
            Deployment deployment = deployments.computeIfAbsent(stage.deploymentId(), id -> deployment(stage));
            apis.computeIfAbsent(stage.apiId(), id -> new ApiStages(stage.apiName(), stage.apiCors(), new ArrayList<>()))
                    .stages().add(new Stage(stage.stageName(), stage.variables(), stage.throttle(),
                            stage.routeThrottles(), deployment));
        }
        return apis.entrySet().stream()
                .map(api -> new Api(api.getKey(), api.getValue().name(), api.getValue().cors(),
                        api.getValue().stages()))
                .toList();
    }

    private static Deployment deployment(DeployedStage stage) {
        var content = stage.content();
        return new Deployment(stage.deploymentId(), stage.deploymentVersion(), SnapshotCodec.contentHash(content),
                content);
    }

    private record ApiStages(String name, Cors cors, List<Stage> stages) {
    }
}
