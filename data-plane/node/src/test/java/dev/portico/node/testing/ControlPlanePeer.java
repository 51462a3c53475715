package dev.portico.node.testing;

import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.fleet.FleetMessage;
import dev.portico.snapshot.fleet.SnapshotPush;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The control plane's side of the fleet protocol, just enough of it for the node's tests: checks the
 * handshake (token, node id), records what the node sends, pushes what the test asks. A protocol
 * peer on a real socket, not a stand-in for a Portico class.
 */
public final class ControlPlanePeer implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<FleetMessage> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<MultiMap> handshakes = new LinkedBlockingQueue<>();
    private volatile ServerWebSocket current;

    private ControlPlanePeer(Vertx vertx, String token, int port) {
        server = vertx.createHttpServer()
                .webSocketHandshakeHandler(handshake -> {
                    handshakes.add(MultiMap.caseInsensitiveMultiMap().addAll(handshake.headers()));
                    if (!FleetMessage.PATH.equals(handshake.path())) {
                        handshake.reject(404);
                    } else if (!("Bearer " + token).equals(handshake.headers().get("Authorization"))) {
                        handshake.reject(401);
                    } else {
                        handshake.accept();
                    }
                })
                .webSocketHandler(ws -> {
                    current = ws;
                    ws.textMessageHandler(text -> received.add(SnapshotCodec.readMessage(text)));
                });
        Blocking.await(server.listen(port, "127.0.0.1"));
    }

    public static ControlPlanePeer start(Vertx vertx, String token) {
        return new ControlPlanePeer(vertx, token, 0);
    }

    public static ControlPlanePeer start(Vertx vertx, String token, int port) {
        return new ControlPlanePeer(vertx, token, port);
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public int port() {
        return server.actualPort();
    }

    /** Headers of the next handshake attempt. */
    public MultiMap nextHandshake(Duration timeout) throws InterruptedException {
        MultiMap headers = handshakes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (headers == null) {
            throw new AssertionError("no handshake within " + timeout);
        }
        return headers;
    }

    /** The next message of this type the node sends, skipping others. */
    public <T extends FleetMessage> T next(Class<T> type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            FleetMessage message = received.poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(message)) {
                return type.cast(message);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + timeout);
    }

    public void push(Snapshot snapshot) {
        sendText(SnapshotCodec.write(new SnapshotPush(snapshot)));
    }

    public void sendText(String text) {
        Blocking.await(current.writeTextMessage(text));
    }

    /** Closes the node's connection, as a control plane that restarts would. */
    public void drop() {
        Blocking.await(current.close());
    }

    @Override
    public void close() {
        Blocking.await(server.close());
    }
}
