import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;

/**
 * A stand-in function for the benchmarks: a loopback Lambda Invoke endpoint that answers every POST
 * (any path, e.g. /2015-03-31/functions/bench/invocations) with the same payload 2.0 result,
 * {"statusCode":200,"headers":{"Content-Type":"application/json"},"body":BODY}, BODY being the
 * second argument as a JSON string. Reads and drops the event; one server per core, sharing the port.
 *
 * Run from the repository root, with the node's jar for Vert.x:
 *   java -cp data-plane/node/target/portico-node-all.jar bench/FunctionServer.java PORT BODY
 * Prints "FunctionServer listening on 127.0.0.1:PORT" on stdout once it listens (PORT 0: a free one).
 */
public class FunctionServer {

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -cp portico-node-all.jar bench/FunctionServer.java PORT BODY");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        // Made once: every answer is these bytes.
        byte[] result = ("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":"
                + Json.encode(args[1]) + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Vertx vertx = Vertx.vertx();
        int cores = Runtime.getRuntime().availableProcessors();
        int[] bound = new int[1];
        vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                return vertx.createHttpServer().requestHandler(request -> {
                    if (!"POST".equals(request.method().name())) {
                        request.response().setStatusCode(405).end();
                        return;
                    }
                    request.end().onComplete(done -> request.response()
                            .putHeader("Content-Type", "application/json")
                            .end(Buffer.buffer(result)));
                }).listen(bound[0] == 0 ? port : bound[0], "127.0.0.1").onSuccess(server -> bound[0] = server.actualPort());
            }
        }, new DeploymentOptions().setInstances(port == 0 ? 1 : cores)).onComplete(ar -> {
            if (ar.failed()) {
                System.err.println("FunctionServer could not start: " + ar.cause());
                vertx.close();
                System.exit(1);
            }
            System.out.println("FunctionServer listening on 127.0.0.1:" + bound[0]);
        });
    }
}
