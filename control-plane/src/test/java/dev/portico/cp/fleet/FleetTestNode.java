package dev.portico.cp.fleet;

import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.fleet.FleetMessage;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The node's end of the fleet channel, as a test drives it: a real WebSocket client. */
final class FleetTestNode implements AutoCloseable {

    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<FleetMessage> received = new LinkedBlockingQueue<>();

    private FleetTestNode(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(text -> received.add(SnapshotCodec.readMessage(text)));
    }

    /** Opens the channel; fails (with the handshake's status) when the control plane refuses. */
    static FleetTestNode connect(Vertx vertx, URL base, Map<String, String> headers) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(base.getHost())
                .setPort(base.getPort())
                .setURI(FleetMessage.PATH);
        headers.forEach(options::addHeader);
        try {
            WebSocket socket = client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return new FleetTestNode(client, socket);
        } catch (Exception e) {
            client.close();
            throw e;
        }
    }

    void send(FleetMessage message) {
        socket.writeTextMessage(SnapshotCodec.write(message));
    }

    /** The next message of this type (others are skipped), or an assertion failure after the timeout. */
    <T extends FleetMessage> T next(Class<T> type, Duration timeout) throws InterruptedException {
        return next(type, message -> true, timeout);
    }

    /** The next message of this type that passes {@code wanted} (others are skipped). */
    <T extends FleetMessage> T next(Class<T> type, Predicate<T> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        FleetMessage last = null;
        while (true) {
            long left = deadline - System.nanoTime();
            FleetMessage message = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (message == null) {
                throw new AssertionError("no wanted " + type.getSimpleName() + " within " + timeout + "; last: " + last);
            }
            if (type.isInstance(message)) {
                last = message;
                if (wanted.test(type.cast(message))) {
                    return type.cast(message);
                }
            }
        }
    }

    boolean closedByServer(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!socket.isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return socket.isClosed();
    }

    @Override
    public void close() throws Exception {
        if (!socket.isClosed()) {
            socket.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        client.close();
    }
}
