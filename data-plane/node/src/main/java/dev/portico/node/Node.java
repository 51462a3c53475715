package dev.portico.node;

import dev.portico.node.authorize.Authorizers;
import dev.portico.node.fleet.Backoff;
import dev.portico.node.fleet.FleetClient;
import dev.portico.node.fleet.FleetSettings;
import dev.portico.node.integration.BackendClients;
import dev.portico.node.observe.AccessLog;
import dev.portico.node.observe.NodeMetrics;
import dev.portico.node.pipeline.Pipeline;
import dev.portico.node.protect.Protection;
import dev.portico.node.routing.ExecuteDomain;
import dev.portico.node.server.GatewayServer;
import dev.portico.node.server.StatusServer;
import dev.portico.node.snapshot.ActiveSnapshot;
import dev.portico.node.snapshot.ApplyOutcome;
import dev.portico.node.snapshot.SnapshotCompiler;
import dev.portico.node.snapshot.SnapshotStore;
import dev.portico.node.usage.UsageLedger;
import dev.portico.node.usage.UsageReporter;
import dev.portico.snapshot.Snapshot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A running data-plane node: wires the parts together, starts them in order and stops them in reverse. */
public final class Node {

    private static final System.Logger LOG = System.getLogger(Node.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** Key buckets full for this long are forgotten; looked for this often. */
    private static final Duration BUCKET_IDLE = Duration.ofMinutes(1);

    private final NodeConfig config;
    private final Vertx vertx;
    private final NodeMetrics metrics = new NodeMetrics();
    private final AccessLog accessLog;
    private final BackendClients backends;
    private final Authorizers authorizers;
    private final ActiveSnapshot snapshot;
    private final GatewayServer gateway;
    private final StatusServer status;
    private final Protection protection;
    private volatile boolean draining;
    private FleetClient fleet;
    private int gatewayPort;
    private int statusPort;

    private Node(NodeConfig config, OutputStream accessLogOut) {
        this.config = config;
        this.vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(config.tuning().nativeTransport()));
        this.accessLog = new AccessLog(accessLogOut, metrics);
        this.backends = new BackendClients(vertx, config.tuning().backendPoolSize(),
                config.tuning().gatewayInstances());
        this.authorizers = new Authorizers(vertx);
        this.snapshot = new ActiveSnapshot(new SnapshotCompiler(backends, authorizers), new SnapshotStore(config.dataDir()), metrics);
        this.protection = Protection.of(config.nodeThrottle(), UsageLedger.newBoot());
        Pipeline pipeline = Pipeline.standard(accessLog, metrics, config.limits(), new ExecuteDomain(config.executeDomain()),
                protection);
        this.gateway = new GatewayServer(vertx, snapshot, pipeline, config.limits());
        this.status = new StatusServer(vertx, snapshot, metrics, () -> draining);
    }

    /** Starts a node and returns once both ports listen. Blocking. */
    public static Node start(NodeConfig config, OutputStream accessLogOut) throws Exception {
        Node node = new Node(config, accessLogOut);
        try {
            node.startParts();
        } catch (Exception e) {
            node.stop();
            throw e;
        }
        return node;
    }

    private void startParts() throws Exception {
        snapshot.warmUp();
        snapshot.applyStored();
        NodeConfig.Listen listen = config.listen();
        gatewayPort = await(gateway.start(listen.bindHost(), listen.gatewayPort(), config.tuning().gatewayInstances()));
        statusPort = await(status.start(listen.bindHost(), listen.statusPort()));
        vertx.setPeriodic(BUCKET_IDLE.toMillis(), t -> vertx.executeBlocking(
                () -> protection.keyBuckets().sweep(System.nanoTime(), BUCKET_IDLE.toNanos()), false));
        if (config.controlPlane() != null) {
            fleet = new FleetClient(vertx, new FleetSettings(config.controlPlane(), config.clusterToken(),
                    config.nodeId(), advertisedAddress(), NodeVersion.current()), snapshot, metrics, Backoff.standard(),
                    new UsageReporter(vertx, protection.ledger()));
            fleet.start();
        } else {
            LOG.log(System.Logger.Level.WARNING, "PORTICO_CONTROL_PLANE is not set: serving "
                    + (snapshot.ready() ? "the snapshot on disk" : "nothing") + " and never syncing");
        }
    }

    /** Validates, compiles and serves a snapshot, as a push from the control plane would. Blocking; any thread but an event loop. */
    public ApplyOutcome apply(Snapshot newSnapshot) {
        return snapshot.apply(newSnapshot);
    }

    /** Drains: not ready any more, stop syncing, let requests in flight finish (up to the grace period), close. */
    public void stop() {
        draining = true;
        try {
            if (fleet != null) {
                await(fleet.stop());
            }
            Duration grace = config.tuning().shutdownGrace();
            await(gateway.shutdown(grace), grace.plusSeconds(5));
            await(Future.join(status.close(), backends.close(), authorizers.close()).mapEmpty());
            await(vertx.close());
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "unclean shutdown: " + e);
        } finally {
            accessLog.close();
        }
    }

    public String advertisedAddress() {
        NodeConfig.Listen listen = config.listen();
        if (listen.advertisedAddress() != null) {
            return listen.advertisedAddress();
        }
        String host = listen.bindHost();
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            host = NodeConfig.localHostName();
        }
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + gatewayPort;
    }

    public String id() {
        return config.nodeId();
    }

    /** "epoll" when Linux's native transport runs, else "nio" and why not (turned off, or the library did not load). */
    public String transport() {
        if (vertx.isNativeTransportEnabled()) {
            return "epoll";
        }
        Throwable cause = vertx.unavailableNativeTransportCause();
        return !config.tuning().nativeTransport() ? "nio (PORTICO_NATIVE_TRANSPORT=false)"
                : "nio (native transport unavailable: " + (cause == null ? "unknown" : cause.getMessage()) + ")";
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    public int statusPort() {
        return statusPort;
    }

    public ActiveSnapshot snapshot() {
        return snapshot;
    }

    public NodeMetrics metrics() {
        return metrics;
    }

    /** The node's boot id: usage reports of this run carry it. */
    public String bootId() {
        return protection.ledger().bootId();
    }

    private static <T> T await(Future<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return await(future, START_TIMEOUT);
    }

    private static <T> T await(Future<T> future, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
