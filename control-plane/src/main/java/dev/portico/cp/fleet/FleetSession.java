package dev.portico.cp.fleet;

import dev.portico.cp.usage.NodeBoot;
import dev.portico.snapshot.InvalidSnapshotException;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.fleet.FleetMessage;
import io.vertx.core.http.ServerWebSocket;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One node's open fleet connection. Frames arrive on the event loop; what they mean (database
 * writes, compiling a snapshot) runs on worker threads, in arrival order for this node.
 */
final class FleetSession {

    private static final Logger LOG = Logger.getLogger(FleetSession.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    final String nodeId;
    /** Tells this connection from the node's earlier and later ones, across replicas. */
    final String id;
    private final ServerWebSocket socket;
    private final Executor work;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private boolean greeted;
    private long lastSentRevision = -1;
    /** The node's current boot, learnt from its usage reports; null until the first one. */
    private volatile NodeBoot boot;
    /** A usage report of this connection could not be stored: later ones must wait for the resend. */
    private volatile boolean reportsHalted;
    private volatile long lastHeardMillis = System.currentTimeMillis();

    FleetSession(String nodeId, ServerWebSocket socket, Executor work) {
        this.nodeId = nodeId;
        this.socket = socket;
        this.work = work;
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        this.id = HexFormat.of().formatHex(random);
    }

    /** Wires the socket: each message goes to {@code handler}, the close to {@code closed}. */
    void start(MessageHandler handler, Runnable closed) {
        socket.textMessageHandler(text -> {
            lastHeardMillis = System.currentTimeMillis();
            FleetMessage message;
            try {
                message = SnapshotCodec.readMessage(text);
            } catch (InvalidSnapshotException e) {
                LOG.warnf("Node %s sent an unreadable message; closing its connection: %s", nodeId, e.getMessage());
                close((short) 1007, "unreadable message");
                return;
            }
            enqueue(() -> handler.handle(this, message));
        });
        socket.exceptionHandler(e -> LOG.debugf(e, "fleet connection of node %s failed", nodeId));
        socket.closeHandler(ignored -> closed.run());
    }

    /** Runs after everything enqueued before, on a worker thread; a failure is logged, not fatal. */
    synchronized void enqueue(Runnable task) {
        tail = tail.thenRunAsync(task, work).exceptionally(e -> {
            LOG.errorf(e, "Handling a message of node %s failed", nodeId);
            return null;
        });
    }

    /** From now on, this node gets every push (it said hello). */
    synchronized void greeted() {
        greeted = true;
    }

    synchronized boolean isGreeted() {
        return greeted;
    }

    NodeBoot boot() {
        return boot;
    }

    /** The boot the node's latest usage report came from. */
    void boot(String bootId) {
        NodeBoot current = boot;
        if (current == null || !current.bootId().equals(bootId)) {
            boot = new NodeBoot(nodeId, bootId);
        }
    }

    boolean reportsHalted() {
        return reportsHalted;
    }

    /**
     * Stores no more reports of this connection and closes it: a later report must not be stored
     * before the failed one (seq order is what makes resends idempotent), and the node resends every
     * unconfirmed report, in order, after reconnecting.
     */
    void haltReports() {
        reportsHalted = true;
        close((short) 1011, "could not store a usage report; reconnect and resend");
    }

    /** Sends one message, unless the connection is closed. */
    void send(FleetMessage message) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(SnapshotCodec.write(message));
        }
    }

    /** Sends the push unless the node has not said hello yet or already got this revision or a newer one. */
    synchronized void push(PreparedPush push) {
        if (!greeted || push.revision() <= lastSentRevision || socket.isClosed()) {
            return;
        }
        lastSentRevision = push.revision();
        socket.writeTextMessage(push.text());
    }

    long silentMillis() {
        return System.currentTimeMillis() - lastHeardMillis;
    }

    void close(short code, String reason) {
        if (!socket.isClosed()) {
            socket.close(code, reason);
        }
    }

    /** What the hub does with one message of a node. */
    @FunctionalInterface
    interface MessageHandler {
        void handle(FleetSession session, FleetMessage message);
    }
}
