package dev.portico.node.fleet;

import dev.portico.node.observe.NodeMetrics;
import dev.portico.node.snapshot.ActiveSnapshot;
import dev.portico.node.usage.UsageReporter;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.fleet.FleetMessage;
import dev.portico.snapshot.fleet.Heartbeat;
import dev.portico.snapshot.fleet.Hello;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.net.URI;

/**
 * The node's end of the fleet channel (SPEC §5). Opens the WebSocket, says Hello, applies every
 * pushed snapshot on a worker thread (one at a time, in order) and answers Applied or Rejected,
 * sends a Heartbeat every 2 s, hands the channel to the {@link UsageReporter} while it is open, and
 * reconnects forever with backoff and jitter. The gateway keeps serving its current snapshot
 * whatever happens here.
 */
public final class FleetClient {

    private static final System.Logger LOG = System.getLogger(FleetClient.class.getName());
    /** A snapshot of a big gateway is megabytes; the limits are far above that, and still a bound. */
    private static final int MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
    /** Nothing heard (not even a pong) for this long: the connection is dead even if TCP has not noticed. */
    private static final long SILENCE_LIMIT_MILLIS = 3 * FleetMessage.OFFLINE_AFTER_MILLIS;

    private final Vertx vertx;
    private final FleetSettings settings;
    private final ActiveSnapshot snapshot;
    private final NodeMetrics metrics;
    private final Backoff backoff;
    private final UsageReporter usage;
    private final WebSocketClient client;
    /** All of the channel's callbacks run here, so its state needs no locks. */
    private final Context context;
    private volatile boolean stopped;
    private WebSocket socket;
    private long heartbeatTimer = -1;
    private long lastHeardNanos;

    public FleetClient(Vertx vertx, FleetSettings settings, ActiveSnapshot snapshot, NodeMetrics metrics, Backoff backoff,
                       UsageReporter usage) {
        this.vertx = vertx;
        this.settings = settings;
        this.snapshot = snapshot;
        this.metrics = metrics;
        this.backoff = backoff;
        this.usage = usage;
        this.context = vertx.getOrCreateContext();
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(MAX_MESSAGE_BYTES)
                .setMaxMessageSize(MAX_MESSAGE_BYTES)
                .setTryUsePerMessageCompression(true)
                .setConnectTimeout(5_000));
    }

    /** Starts connecting (from a Vert.x context of its own, so all callbacks share one event loop). */
    public void start() {
        context.runOnContext(v -> connect());
    }

    /** Stops reconnecting; what was counted and not reported yet is sent first, if the channel is open. */
    public Future<Void> stop() {
        stopped = true;
        Promise<Void> reported = Promise.promise();
        context.runOnContext(v -> {
            usage.report();
            reported.complete();
        });
        return reported.future().compose(v -> client.close());
    }

    private void connect() {
        if (stopped) {
            return;
        }
        client.connect(connectOptions()).onComplete(ar -> {
            if (ar.succeeded()) {
                connected(ar.result());
            } else {
                retry("could not connect to " + settings.controlPlane() + ": " + ar.cause().getMessage());
            }
        });
    }

    WebSocketConnectOptions connectOptions() {
        URI base = settings.controlPlane();
        boolean ssl = "https".equalsIgnoreCase(base.getScheme()) || "wss".equalsIgnoreCase(base.getScheme());
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        return new WebSocketConnectOptions()
                .setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80)
                .setSsl(ssl)
                .setURI(prefix + FleetMessage.PATH)
                .addHeader("Authorization", "Bearer " + (settings.clusterToken() == null ? "" : settings.clusterToken()))
                .addHeader(FleetMessage.NODE_ID_HEADER, settings.nodeId());
    }

    private void connected(WebSocket ws) {
        socket = ws;
        backoff.reset();
        metrics.fleetConnected(true);
        lastHeardNanos = System.nanoTime();
        LOG.log(System.Logger.Level.INFO, "connected to control plane " + settings.controlPlane());
        ws.textMessageHandler(frame -> {
            lastHeardNanos = System.nanoTime();
            received(ws, frame);
        });
        ws.pongHandler(pong -> lastHeardNanos = System.nanoTime());
        ws.exceptionHandler(e -> LOG.log(System.Logger.Level.DEBUG, "fleet channel error: " + e));
        ws.closeHandler(v -> disconnected(ws));
        send(ws, new Hello(settings.nodeId(), settings.address(), settings.version(), appliedRevision()));
        usage.connected(message -> send(ws, message));
        heartbeatTimer = vertx.setPeriodic(FleetMessage.HEARTBEAT_INTERVAL_MILLIS, t -> heartbeat(ws));
    }

    /**
     * A frame is read on a worker, in arrival order: a snapshot of thousands of routes is megabytes of
     * JSON, and parsing it on this context's event loop, which may be one a gateway server runs on,
     * would hold up that loop's requests.
     */
    private void received(WebSocket ws, String frame) {
        vertx.executeBlocking(() -> FleetInbox.read(frame), true)
                .onSuccess(action -> act(ws, action))
                .onFailure(e -> LOG.log(System.Logger.Level.ERROR, "reading a fleet frame failed", e));
    }

    private void act(WebSocket ws, FleetInbox.Action action) {
        if (action instanceof FleetInbox.Action.Apply apply) {
            vertx.executeBlocking(() -> snapshot.apply(apply.snapshot()), true)
                    .onSuccess(outcome -> send(ws, outcome.toMessage()))
                    .onFailure(e -> LOG.log(System.Logger.Level.ERROR, "applying snapshot failed", e));
        } else if (action instanceof FleetInbox.Action.Totals totals) {
            usage.totals(totals.totals());
        } else if (action instanceof FleetInbox.Action.Reply reply) {
            LOG.log(System.Logger.Level.WARNING, "refusing a snapshot this node cannot read: " + reply.message());
            send(ws, reply.message());
        } else if (action instanceof FleetInbox.Action.Ignore ignore) {
            LOG.log(System.Logger.Level.WARNING, "ignored frame: " + ignore.why());
        }
    }

    private void heartbeat(WebSocket ws) {
        if (System.nanoTime() - lastHeardNanos > SILENCE_LIMIT_MILLIS * 1_000_000) {
            LOG.log(System.Logger.Level.WARNING, "control plane silent for " + SILENCE_LIMIT_MILLIS + " ms, reconnecting");
            ws.close();
            return;
        }
        send(ws, new Heartbeat(appliedRevision(), metrics.requestsServed(), metrics.traffic()));
        ws.writePing(Buffer.buffer("portico"));
    }

    private void send(WebSocket ws, FleetMessage message) {
        if (!ws.isClosed()) {
            ws.writeTextMessage(SnapshotCodec.write(message));
        }
    }

    private long appliedRevision() {
        return Math.max(0, snapshot.current().revision());
    }

    private void disconnected(WebSocket ws) {
        if (socket != ws) {
            return;
        }
        socket = null;
        vertx.cancelTimer(heartbeatTimer);
        usage.disconnected();
        metrics.fleetConnected(false);
        retry("lost the control plane " + settings.controlPlane());
    }

    private void retry(String why) {
        if (stopped) {
            return;
        }
        long delay = backoff.nextDelayMillis();
        LOG.log(System.Logger.Level.WARNING, why + "; serving revision " + snapshot.current().revision()
                + ", retrying in " + delay + " ms");
        vertx.setTimer(Math.max(1, delay), t -> connect());
    }
}
