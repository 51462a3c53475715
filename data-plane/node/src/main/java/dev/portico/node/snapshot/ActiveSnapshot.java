package dev.portico.node.snapshot;

import dev.portico.node.observe.NodeMetrics;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.ApiKey;
import dev.portico.snapshot.Deployment;
import dev.portico.snapshot.HttpProxyIntegration;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.InvalidSnapshotException;
import dev.portico.snapshot.MockIntegration;
import dev.portico.snapshot.PlanStage;
import dev.portico.snapshot.Quota;
import dev.portico.snapshot.QuotaPeriod;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.SnapshotValidator;
import dev.portico.snapshot.Stage;
import dev.portico.snapshot.Throttle;
import dev.portico.snapshot.UsagePlan;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The snapshot a node serves, and the one way to replace it: validate, compile, swap atomically,
 * write to disk. A request reads {@link #current()} once and keeps that object, so a swap never
 * changes a request in flight. Applying is CPU and disk work: call it off the event loops.
 */
public final class ActiveSnapshot {

    private static final System.Logger LOG = System.getLogger(ActiveSnapshot.class.getName());

    private final AtomicReference<CompiledSnapshot> current = new AtomicReference<>(CompiledSnapshot.NONE);
    private final SnapshotCompiler compiler;
    private final SnapshotStore store;
    private final NodeMetrics metrics;

    public ActiveSnapshot(SnapshotCompiler compiler, SnapshotStore store, NodeMetrics metrics) {
        this.compiler = compiler;
        this.store = store;
        this.metrics = metrics;
    }

    public CompiledSnapshot current() {
        return current.get();
    }

    /** True once any snapshot (from disk or from the control plane) is being served. */
    public boolean ready() {
        return current.get() != CompiledSnapshot.NONE;
    }

    /** Applies a snapshot from the control plane (or a test) and stores it as the last good one. Blocking. */
    public synchronized ApplyOutcome apply(Snapshot snapshot) {
        return apply(snapshot, true);
    }

    /** Serves the snapshot stored on disk, if there is a good one. Blocking; for start-up. */
    public synchronized ApplyOutcome applyStored() {
        return store.load()
                .map(snapshot -> apply(snapshot, false))
                .orElse(null);
    }

    /**
     * Validates and compiles (but does not serve) a one-route snapshot of each integration kind, with
     * a key, a plan and throttles, so the first real snapshot does not also pay for loading classes
     * and building JSON serializers.
     */
    public void warmUp() {
        List<Route> routes = List.of(new Route("warm-1", "GET /warm/{id}", "warm-proxy", null, true),
                new Route("warm-2", "ANY /warm/{proxy+}", "warm-mock", null, false));
        List<Integration> integrations = List.of(new HttpProxyIntegration("warm-proxy", "http://127.0.0.1:9/{id}", "GET", 0, null),
                new MockIntegration("warm-mock", 200, Map.of(), ""));
        Deployment deployment = new Deployment("warm", 1, SnapshotCodec.contentHash(routes, integrations), routes, integrations);
        Throttle throttle = new Throttle(1, 1);
        Stage stage = new Stage("prod", Map.of(), throttle, Map.of("GET /warm/{id}", throttle), deployment);
        UsagePlan plan = new UsagePlan("warm-plan", throttle, new Quota(1, QuotaPeriod.DAY, 0),
                List.of(new PlanStage("warm", "prod", Map.of("GET /warm/{id}", throttle))));
        ApiKey key = new ApiKey("warm-key", "0".repeat(64), true, List.of("warm-plan"));
        Snapshot warm = Snapshot.of(0, List.of(new Api("warm", "warm", List.of(stage))), List.of(key), List.of(plan));
        SnapshotValidator.requireValid(warm);
        compiler.compile(warm);
        SnapshotCodec.write(warm);
    }

    private ApplyOutcome apply(Snapshot snapshot, boolean persist) {
        long started = System.nanoTime();
        List<String> problems;
        CompiledSnapshot compiled = null;
        try {
            problems = SnapshotValidator.problems(snapshot);
            if (problems.isEmpty()) {
                compiled = compiler.compile(snapshot, current.get());
            }
        } catch (InvalidSnapshotException e) {
            problems = e.problems();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not compile snapshot revision " + snapshot.revision(), e);
            problems = List.of("node could not compile the snapshot: " + e);
        }
        if (compiled == null) {
            metrics.snapshotRejected();
            LOG.log(System.Logger.Level.WARNING, "rejected snapshot revision " + snapshot.revision()
                    + ", still serving revision " + current().revision() + ": " + String.join("; ", problems));
            return new ApplyOutcome.Rejected(snapshot.revision(), problems);
        }
        current.set(compiled);
        // The apply time ends when the node serves the new snapshot; storing it is timed apart.
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.snapshotApplied(snapshot.revision(), took);
        String stored = persist ? persist(snapshot) : ", from " + store.file();
        LOG.log(System.Logger.Level.INFO, "serving snapshot revision " + snapshot.revision() + " ("
                + compiled.apiCount() + " APIs, " + compiled.keys().size() + " API keys" + stored + ") applied in "
                + took.toMillis() + " ms");
        return new ApplyOutcome.Applied(snapshot.revision(), took);
    }

    /** Stores the snapshot; says how long that took, for the log line. */
    private String persist(Snapshot snapshot) {
        long started = System.nanoTime();
        try {
            store.save(snapshot);
            return ", stored in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms";
        } catch (IOException e) {
            // Serving it matters more than keeping it; the next good snapshot tries again.
            LOG.log(System.Logger.Level.ERROR, "could not write " + store.file() + ": " + e);
            return ", not stored";
        }
    }
}
