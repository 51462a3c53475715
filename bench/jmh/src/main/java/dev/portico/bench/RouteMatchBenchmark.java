package dev.portico.bench;

import dev.portico.bench.GeneratedApi.Request;
import dev.portico.node.authorize.Authorizers;
import dev.portico.node.integration.BackendClients;
import dev.portico.node.routing.MalformedPathException;
import dev.portico.node.routing.PathParameters;
import dev.portico.node.routing.RequestPath;
import dev.portico.node.routing.RouteMethod;
import dev.portico.node.snapshot.CompiledApi;
import dev.portico.node.snapshot.CompiledRoute;
import dev.portico.node.snapshot.CompiledStage;
import dev.portico.node.snapshot.SnapshotCompiler;
import dev.portico.snapshot.SnapshotValidator;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What route matching costs a request, by number of routes in the stage. The table is compiled from a
 * snapshot as the node does it (validate, then {@link SnapshotCompiler}), and each operation is one
 * request of a batch ({@link GeneratedApi#BATCH}) aimed at the first, a middle or the last resource's
 * routes, or missing them all (a 404).
 *
 * <ul>
 *   <li>{@link #match}: only the call RouteResolutionStep makes, {@code stage.routes().match(...)},
 *       on a path parsed beforehand: the part that could grow with the number of routes.</li>
 *   <li>{@link #resolve}: everything RouteResolutionStep does once it has the API: parse the path,
 *       pick the stage, match, bind the path parameters.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
// A fixed heap, so resolve's garbage (about 340 B a request) meets the same GC sizing in every trial.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RouteMatchBenchmark {

    @Param({"10", "1000", "10000"})
    public int routes;

    /** Which routes the requests aim at: the first, the middle or the last resource's, or none. */
    @Param({"first", "middle", "last", "miss"})
    public String request;

    private Vertx vertx;
    private CompiledApi api;
    private CompiledStage stage;
    private HttpMethod[] methods;
    private String[] rawPaths;
    private RequestPath[] paths;

    @Setup(Level.Trial)
    public void compile() throws MalformedPathException {
        // The compiler wants the node's backend clients and authorizer caches; mock routes never use them.
        vertx = Vertx.vertx();
        SnapshotCompiler compiler = new SnapshotCompiler(new BackendClients(vertx, 1, 1), new Authorizers(vertx));
        api = compiler.compile(SnapshotValidator.requireValid(GeneratedApi.snapshot(routes))).api(GeneratedApi.API_ID);
        stage = api.stageNamed(GeneratedApi.STAGE);

        int last = GeneratedApi.resources(routes) - 1;
        List<Request> batch = switch (request) {
            case "first" -> GeneratedApi.hitting(0);
            case "middle" -> GeneratedApi.hitting(last / 2);
            case "last" -> GeneratedApi.hitting(last);
            case "miss" -> GeneratedApi.missingNear(last);
            default -> throw new IllegalArgumentException("unknown request kind " + request);
        };
        methods = batch.stream().map(Request::method).toArray(HttpMethod[]::new);
        rawPaths = batch.stream().map(Request::rawPath).toArray(String[]::new);
        paths = new RequestPath[batch.size()];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = RequestPath.parse(rawPaths[i]);
        }
        checkAnswers(last);
    }

    /** A benchmark that matched the wrong route, or none, would time the wrong thing. */
    private void checkAnswers(int last) throws MalformedPathException {
        if (paths.length != GeneratedApi.BATCH) {
            throw new IllegalStateException("a batch of " + paths.length + " requests, counted as " + GeneratedApi.BATCH);
        }
        List<String> expected = switch (request) {
            case "first" -> GeneratedApi.routeKeys(0);
            case "middle" -> GeneratedApi.routeKeys(last / 2);
            case "last" -> GeneratedApi.routeKeys(last);
            default -> null;
        };
        for (int i = 0; i < paths.length; i++) {
            CompiledRoute route = stage.routes().match(RouteMethod.of(methods[i]), paths[i], 1);
            String found = route == null ? null : route.routeKey();
            String wanted = expected == null ? null : expected.get(i);
            if (!Objects.equals(found, wanted) || (wanted == null) != (resolve(methods[i], rawPaths[i]) == null)) {
                throw new IllegalStateException(methods[i] + " " + rawPaths[i] + " matched " + found + ", not " + wanted);
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Benchmark
    @OperationsPerInvocation(GeneratedApi.BATCH)
    public void match(Blackhole blackhole) {
        // The batch lives in fields, not constants, and every answer is consumed: nothing folds away.
        for (int i = 0; i < paths.length; i++) {
            blackhole.consume(stage.routes().match(RouteMethod.of(methods[i]), paths[i], 1));
        }
    }

    @Benchmark
    @OperationsPerInvocation(GeneratedApi.BATCH)
    public void resolve(Blackhole blackhole) throws MalformedPathException {
        for (int i = 0; i < rawPaths.length; i++) {
            blackhole.consume(resolve(methods[i], rawPaths[i]));
        }
    }

    /**
     * RouteResolutionStep.onRequest from the path on, without the Vert.x request and exchange it reads
     * and writes: the node's own parse, stage lookup, match and parameter binding. Null for a 404.
     */
    private PathParameters resolve(HttpMethod method, String rawPath) throws MalformedPathException {
        RequestPath path = RequestPath.parse(rawPath);
        CompiledStage named = path.size() > 0 ? api.stageNamed(path.segment(0)) : null;
        int offset = 1;
        if (named == null) {
            named = api.defaultStage();
            offset = 0;
        }
        if (named == null) {
            return null;
        }
        CompiledRoute route = named.routes().match(RouteMethod.of(method), path, offset);
        if (route == null) {
            return null;
        }
        return route.params().isEmpty() ? PathParameters.NONE : new PathParameters(route.params(), path, offset);
    }
}
