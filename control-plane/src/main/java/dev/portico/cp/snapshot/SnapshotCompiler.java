package dev.portico.cp.snapshot;

import dev.portico.snapshot.Api;
import dev.portico.snapshot.Deployment;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.Stage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the live stages of every API into the snapshot nodes serve. Pure: no database, no CDI, so
 * the golden files of the contract pin its output.
 *
 * <p>APIs without a live stage are left out: nodes only ever see what was deployed. Content hashes
 * are recomputed from the content that is sent, so what a node verifies is exactly what it got.
 */
public final class SnapshotCompiler {

    private SnapshotCompiler() {
    }

    public static Snapshot compile(long revision, Collection<DeployedStage> stages) {
        Map<String, ApiStages> apis = new LinkedHashMap<>();
        Map<String, Deployment> deployments = new HashMap<>();
        for (DeployedStage stage : stages) {
            Deployment deployment = deployments.computeIfAbsent(stage.deploymentId(), id -> deployment(stage));
            apis.computeIfAbsent(stage.apiId(), id -> new ApiStages(stage.apiName(), new ArrayList<>()))
                    .stages().add(new Stage(stage.stageName(), stage.variables(), deployment));
        }
        List<Api> compiled = apis.entrySet().stream()
                .map(api -> new Api(api.getKey(), api.getValue().name(), api.getValue().stages()))
                .toList();
        return Snapshot.of(revision, compiled);
    }

    private static Deployment deployment(DeployedStage stage) {
        var content = stage.content();
        return new Deployment(stage.deploymentId(), stage.deploymentVersion(), content.contentHash(),
                content.routes(), content.integrations());
    }

    private record ApiStages(String name, List<Stage> stages) {
    }
}
