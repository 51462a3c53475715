package dev.portico.cp.fleet;

import dev.portico.cp.node.FleetNodes;
import dev.portico.cp.revision.RevisionCommitted;
import dev.portico.cp.traffic.TrafficRecorder;
import dev.portico.cp.usage.UsageLedger;
import dev.portico.snapshot.fleet.Applied;
import dev.portico.snapshot.fleet.FleetMessage;
import dev.portico.snapshot.fleet.Heartbeat;
import dev.portico.snapshot.fleet.Hello;
import dev.portico.snapshot.fleet.Rejected;
import dev.portico.snapshot.fleet.UsageReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The control plane's end of the fleet channel: knows every node connected to this replica, gives
 * each the current snapshot (and the fleet's quota usage) after its hello, records what nodes
 * report, pushes every new revision to all of them at once (built once by {@link SnapshotPublisher})
 * and sends them the new usage totals after usage reports ({@link UsageTotalsBroadcast}).
 */
@ApplicationScoped
public class FleetHub {

    private static final Logger LOG = Logger.getLogger(FleetHub.class);
    /** A connection silent this long is closed (the node shows OFFLINE long before, after 10 s). */
    static final long CLOSE_SILENT_AFTER_MILLIS = 3 * FleetMessage.OFFLINE_AFTER_MILLIS;

    private final Map<String, FleetSession> sessions = new ConcurrentHashMap<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final SnapshotPublisher publisher;
    private final FleetNodes nodes;
    private final UsageLedger usage;
    private final UsageTotalsBroadcast totals;
    private final TrafficRecorder traffic;
    private final Vertx vertx;
    private final ExecutorService work;
    private final long sweeper;

    FleetHub(SnapshotPublisher publisher, FleetNodes nodes, UsageLedger usage, UsageTotalsBroadcast totals,
             TrafficRecorder traffic, Vertx vertx, MeterRegistry metrics) {
        this.publisher = publisher;
        this.nodes = nodes;
        this.usage = usage;
        this.totals = totals;
        this.traffic = traffic;
        this.vertx = vertx;
        AtomicInteger count = new AtomicInteger();
        this.work = Executors.newFixedThreadPool(2, runnable -> {
            Thread worker = new Thread(runnable, "portico-fleet-worker-" + count.incrementAndGet());
            worker.setDaemon(true);
            return worker;
        });
        this.sweeper = vertx.setPeriodic(5_000, id -> closeSilent());
        Gauge.builder("portico.fleet.connected.nodes", sessions, Map::size)
                .description("Nodes connected to this control-plane replica").register(metrics);
    }

    /** A node passed the handshake and has a WebSocket now. */
    void open(String nodeId, ServerWebSocket socket) {
        FleetSession session = new FleetSession(nodeId, socket, work);
        FleetSession replaced = sessions.put(nodeId, session);
        if (replaced != null) {
            LOG.infof("Node %s connected again; closing its older connection", nodeId);
            replaced.close((short) 4000, "replaced by a newer connection");
        }
        session.start(this::handle, () -> closed(session));
    }

    void onRevision(@Observes RevisionCommitted committed) {
        if (publisher.covers(committed.revision())) {
            return;   // the listener's periodic check: nothing new
        }
        publisher.publish(committed.revision()).whenComplete((push, failure) -> {
            if (failure == null) {
                sessions.values().forEach(session -> session.push(push));
            } else if (!stopped.get()) {
                LOG.errorf(failure, "Could not build the snapshot of revision %d; nodes keep the previous one",
                        committed.revision());
            }
        });
    }

    private void handle(FleetSession session, FleetMessage message) {
        if (message instanceof Hello hello) {
            greet(session, hello);
        } else if (message instanceof Applied applied) {
            nodes.applied(session.nodeId, applied.revision());
        } else if (message instanceof UsageReport report) {
            recordUsage(session, report);
        } else if (message instanceof Heartbeat heartbeat) {
            nodes.heartbeat(session.nodeId, heartbeat.appliedRevision());
            traffic.heartbeat(session.nodeId, heartbeat.traffic(), Instant.now());
        } else if (message instanceof Rejected rejected) {
            LOG.warnf("Node %s rejected revision %d and keeps serving its previous snapshot: %s",
                    session.nodeId, rejected.revision(), rejected.problems());
            nodes.rejected(session.nodeId, rejected.revision(), rejected.problems());
        } else {
            LOG.warnf("Node %s sent a %s, which only the control plane sends; ignored",
                    session.nodeId, message.getClass().getSimpleName());
        }
    }

    private void greet(FleetSession session, Hello hello) {
        if (hello.nodeId() != null && !hello.nodeId().equals(session.nodeId)) {
            LOG.warnf("Node %s said hello as %s; closing its connection", session.nodeId, hello.nodeId());
            session.close((short) 1008, "the hello names another node than the " + FleetMessage.NODE_ID_HEADER + " header");
            return;
        }
        nodes.connected(session.nodeId, session.id, hello.address(), hello.version(), hello.appliedRevision());
        LOG.infof("Node %s connected from %s (version %s, serving revision %d)", session.nodeId, hello.address(),
                hello.version(), hello.appliedRevision());
        session.greeted();
        session.push(publisher.current());
        totals.greet(session);
    }

    /** Stored once per seq, then every node learns the new totals (this one: up to which report). */
    private void recordUsage(FleetSession session, UsageReport report) {
        if (!UsageReports.readable(report)) {
            LOG.warnf("Node %s sent a usage report without a boot id (1 to %d characters) or a seq >= 1; ignored",
                    session.nodeId, UsageReports.MAX_BOOT_ID);
            return;
        }
        if (session.reportsHalted()) {
            return;
        }
        session.boot(report.bootId());
        try {
            if (!usage.record(session.nodeId, report)) {
                LOG.debugf("Node %s resent usage report %d of boot %s; counted once", session.nodeId, report.seq(),
                        report.bootId());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not store usage report %d of node %s; closing its connection so that it resends it",
                    report.seq(), session.nodeId);
            session.haltReports();
            return;
        }
        totals.reportsStored(sessions.values());
    }

    private void closed(FleetSession session) {
        sessions.remove(session.nodeId, session);
        session.enqueue(() -> nodes.disconnected(session.nodeId, session.id));
        LOG.infof("Node %s disconnected", session.nodeId);
    }

    private void closeSilent() {
        sessions.values().stream()
                .filter(session -> session.silentMillis() > CLOSE_SILENT_AFTER_MILLIS)
                .forEach(session -> {
                    LOG.warnf("Node %s has been silent for %d s; closing its connection",
                            session.nodeId, session.silentMillis() / 1000);
                    session.close((short) 1001, "silent for too long");
                });
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /** Also when the start failed half-way (no ShutdownEvent then). */
    @PreDestroy
    void stop() {
        if (stopped.getAndSet(true)) {
            return;
        }
        vertx.cancelTimer(sweeper);
        sessions.values().forEach(session -> {
            session.close((short) 1001, "the control plane is stopping");
            try {
                nodes.disconnected(session.nodeId, session.id);
            } catch (RuntimeException e) {
                LOG.debugf(e, "could not record that node %s disconnected", session.nodeId);
            }
        });
        work.shutdown();
    }
}
