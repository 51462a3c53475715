package dev.portico.node.integration;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BackendClientsTest {

    private final Vertx vertx = Vertx.vertx();
    private final BackendClients clients = new BackendClients(vertx, 8, 2);

    @AfterEach
    void close() throws Exception {
        await(clients.close().compose(v -> vertx.close()));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A verticle's context: each deployment gets the next event loop. */
    private Context eventLoopContext() throws Exception {
        Context[] started = new Context[1];
        await(vertx.deployVerticle(new VerticleBase() {
            @Override
            public Future<?> start() {
                started[0] = context;
                return Future.succeededFuture();
            }
        }));
        return started[0];
    }

    private HttpClient clientOn(Context context, boolean insecure) throws Exception {
        return await(Future.future(promise -> context.runOnContext(v -> promise.complete(clients.client(insecure)))));
    }

    /** A request must get a client whose connections live on its own event loop: no thread hops. */
    @Test
    void eachEventLoopHasClientsOfItsOwn() throws Exception {
        Context first = eventLoopContext();
        Context second = eventLoopContext();

        HttpClient onFirst = clientOn(first, false);

        assertThat(clientOn(first, false)).isSameAs(onFirst);
        assertThat(clientOn(first, true)).isNotSameAs(onFirst);
        assertThat(clientOn(second, false)).isNotSameAs(onFirst).isSameAs(clientOn(second, false));
    }
}
