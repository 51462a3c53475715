package dev.portico.node.pipeline;

import dev.portico.node.protect.KeyRejection;
import dev.portico.node.protect.ProtectionCompiler;
import dev.portico.node.routing.RouteTable;
import dev.portico.node.snapshot.CompiledRoute;
import dev.portico.node.snapshot.CompiledStage;
import dev.portico.snapshot.PlanStage;
import dev.portico.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.key;
import static dev.portico.node.testing.Snapshots.plan;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static dev.portico.node.testing.Snapshots.throttle;
import static org.assertj.core.api.Assertions.assertThat;

class KeyCheckTest {

    private final Snapshot snapshot = snapshot(1,
            List.of(api("a1", stage("prod", List.of(), List.of()), stage("dev", List.of(), List.of()))),
            List.of(key("k-ok", "value-ok", true, "p-prod"),
                    key("k-off", "value-off", false, "p-prod"),
                    key("k-dev", "value-dev", true, "p-dev"),
                    key("k-none", "value-none", true)),
            List.of(plan("p-prod", throttle(5, 5), null, new PlanStage("a1", "prod", Map.of())),
                    plan("p-dev", null, null, new PlanStage("a1", "dev", Map.of()))));
    private final ProtectionCompiler protection = new ProtectionCompiler(snapshot, Map.of(), 0);
    private final CompiledStage prod = new CompiledStage("prod", "dep-prod", RouteTable.<CompiledRoute>builder().build(),
            protection.grants("a1", "prod"));

    private KeyCheck check(String value) {
        return KeyCheck.of(value, protection.keys(), prod);
    }

    @Test
    void anEnabledKeyInAPlanForThisStageIsGrantedThatPlan() {
        KeyCheck ok = check("value-ok");

        assertThat(ok.rejection()).isNull();
        assertThat(ok.keyId()).isEqualTo("k-ok");
        assertThat(ok.grant().plan().id()).isEqualTo("p-prod");
        assertThat(ok.grant().usage().planId()).isEqualTo("p-prod");
    }

    @Test
    void everyOtherCaseIsRejectedWithItsReason() {
        assertThat(check(null).rejection()).isEqualTo(KeyRejection.MISSING);
        assertThat(check("").rejection()).isEqualTo(KeyRejection.MISSING);
        assertThat(check("value-nobody-has").rejection()).isEqualTo(KeyRejection.UNKNOWN);
        assertThat(check("value-ok ").rejection()).as("no trimming: another value").isEqualTo(KeyRejection.UNKNOWN);
        assertThat(check("value-off")).isEqualTo(new KeyCheck(KeyRejection.DISABLED, "k-off", null));
        assertThat(check("value-dev")).as("a plan for another stage").isEqualTo(new KeyCheck(KeyRejection.NO_PLAN, "k-dev", null));
        assertThat(check("value-none")).as("no plan at all").isEqualTo(new KeyCheck(KeyRejection.NO_PLAN, "k-none", null));
    }

    @Test
    void rejectionsAnswerForbiddenWithTheirOwnErrorKey() {
        for (KeyRejection rejection : KeyRejection.values()) {
            GatewayError error = ApiKeyStep.error(rejection);
            assertThat(error.status()).isEqualTo(403);
            assertThat(error.message()).isEqualTo("Forbidden");
        }
        assertThat(ApiKeyStep.error(KeyRejection.MISSING)).isEqualTo(GatewayError.API_KEY_MISSING);
        assertThat(ApiKeyStep.error(KeyRejection.NO_PLAN)).isEqualTo(GatewayError.API_KEY_NO_PLAN);
    }
}
