package dev.portico.node.pipeline;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;

/** What to do with a request body the gateway answered without reading. */
final class UnreadBody {

    private UnreadBody() {
    }

    /**
     * Reads and drops the body, so a keep-alive connection can carry the next request. A body past
     * the size limit is not worth reading: the connection is closed instead.
     */
    static void discard(HttpServerRequest request, long maxBytes) {
        if (request.isEnded()) {
            return;
        }
        long[] seen = {0};
        request.handler(chunk -> {
            seen[0] += chunk.length();
            if (seen[0] > maxBytes) {
                request.connection().close();
            }
        });
        request.endHandler(null);
        request.resume();
    }

    /**
     * Closes the connection once the client has stopped sending (or after {@code lingerMillis}).
     * Closing while unread bytes wait makes the kernel send a reset, and the client could lose the
     * answer it is owed; nginx's lingering close does the same.
     */
    static void lingerThenClose(HttpServerRequest request, long lingerMillis) {
        HttpConnection connection = request.connection();
        Context context = Vertx.currentContext();
        if (request.isEnded() || context == null) {
            connection.close();
            return;
        }
        long timer = context.owner().setTimer(lingerMillis, t -> connection.close());
        request.handler(chunk -> { });
        request.endHandler(v -> {
            context.owner().cancelTimer(timer);
            connection.close();
        });
        request.resume();
    }
}
