package dev.portico.node.testing;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Invoke API on a free loopback port ({@code POST /2015-03-31/functions/{name}/invocations}),
 * serving functions deployed by the test. A typed function reads its event and writes its result
 * with the Lambda Java runtime's own serializer ({@link LambdaEventSerializers}), so what it sees
 * is what a real function would see.
 */
public final class InvokeServer implements AutoCloseable {

    private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

    /** A function that answers the raw event itself (for malformed results, errors, delays). */
    @FunctionalInterface
    public interface RawFunction {
        void answer(String event, HttpServerResponse response);
    }

    private final HttpServer server;
    private final Map<String, RawFunction> functions = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    private InvokeServer(Vertx vertx) {
        this.server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Matcher invoke = INVOKE.matcher(request.path());
            RawFunction function = invoke.matches() ? functions.get(invoke.group(1)) : null;
            if (function == null || !"POST".equals(request.method().name())) {
                request.response().setStatusCode(404).end("{\"Message\":\"Function not found\"}");
                return;
            }
            events.add(body.toString());
            function.answer(body.toString(), request.response());
        }));
        Blocking.await(server.listen(0, "127.0.0.1"));
    }

    public static InvokeServer start(Vertx vertx) {
        return new InvokeServer(vertx);
    }

    public void deploy(String name, RawFunction function) {
        functions.put(name, function);
    }

    /** A function written against AWS's event classes, read and written as the Lambda runtime does. */
    public <E, R> void deploy(String name, Class<E> eventType, Class<R> resultType, Function<E, R> handler) {
        PojoSerializer<E> in = LambdaEventSerializers.serializerFor(eventType, getClass().getClassLoader());
        PojoSerializer<R> out = LambdaEventSerializers.serializerFor(resultType, getClass().getClassLoader());
        deploy(name, (event, response) -> {
            R result = handler.apply(in.fromJson(event));
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            out.toJson(result, json);
            response.putHeader("Content-Type", "application/json").end(io.vertx.core.buffer.Buffer.buffer(json.toByteArray()));
        });
    }

    public String uri(String name) {
        return "http://127.0.0.1:" + server.actualPort() + "/2015-03-31/functions/" + name + "/invocations";
    }

    /** Every event received, as JSON text, in arrival order. */
    public List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        Blocking.await(server.close());
    }
}
