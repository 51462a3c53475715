import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The fleet's configuration path, timed through the admin API (bench/fleet-costs runs it). A big API:
 * what it costs to create thousands of routes, to deploy them and until nodes serve them, in two
 * commands so the caller can look at the nodes in between (creating routes edits the draft only; nodes
 * see nothing until the deployment). And propagation: how long a small deployment takes to reach every node.
 *
 * Run from the repository root:
 *   java bench/Fleet.java create CP_PORT ACCESS_TOKEN API_ID INTEGRATION_ID COUNT IN_FLIGHT
 *     creates routes 0…COUNT-1 (see {@link #routeKey}), IN_FLIGHT requests at a time, and prints
 *     key=value lines: created, millis (wall clock), request_p50_ms, request_p99_ms, first_tenth_ms and
 *     last_tenth_ms (mean per request of the first and the last tenth: growth means a cost per route
 *     that grows with the API), probe (a path of the last GET /…/{id} route, with id 42).
 *   java -Djdk.httpclient.allowRestrictedHeaders=host bench/Fleet.java deploy CP_PORT ACCESS_TOKEN API_ID PROBE NODE_PORT…
 *     POSTs a deployment to stage prod and polls PROBE on every node (about once a millisecond, from
 *     before the POST) until it answers 200; prints deploy_ms, deploy_answer_bytes and served_ms_N per node.
 *   java -Djdk.httpclient.allowRestrictedHeaders=host bench/Fleet.java propagate CP_PORT ACCESS_TOKEN API_ID INTEGRATION_ID DEPLOYS NODE_PORT…
 *     DEPLOYS times, PATCHes the MOCK integration's body to {"v":N}, POSTs a deployment to stage prod and
 *     polls every node (about once a millisecond, each from its own thread, from before the POST is sent,
 *     since a node may serve the new body before the admin API answers) until each answers GET
 *     /prod/version with {"v":N}; prints "deploy N answered MS node1 MS [node2 MS …] all MS" per deployment.
 * Exits 1 when a call fails, or a node does not serve the big API within 120 s (a small one within 10 s).
 */
public class Fleet {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Compiling and pushing a big snapshot takes seconds; minutes means something is wrong. */
    private static final Duration SERVE_DEADLINE = Duration.ofSeconds(120);
    /** Routes come in families of this many per resource, one per kind in {@link #routeKey}. */
    private static final int KINDS = 8;
    private static final int RESOURCES_PER_SERVICE = 25;
    /** A node that has not served a small deployment after this long is stuck, not slow. */
    private static final Duration NODE_DEADLINE = Duration.ofSeconds(10);
    private static final long POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(5);

    public static void main(String[] args) {
        try {
            if (args.length == 7 && args[0].equals("create")) {
                create(new Admin(Integer.parseInt(args[1]), args[2]), args[3], args[4], Integer.parseInt(args[5]),
                        Integer.parseInt(args[6]));
            } else if (args.length >= 6 && args[0].equals("deploy")) {
                List<Integer> nodePorts = Arrays.stream(args, 5, args.length).map(Integer::valueOf).toList();
                deploy(new Admin(Integer.parseInt(args[1]), args[2]), args[3], args[4], nodePorts);
            } else if (args.length >= 7 && args[0].equals("propagate")) {
                propagate(args);
            } else {
                System.err.println("usage: java bench/Fleet.java create CP_PORT ACCESS_TOKEN API_ID INTEGRATION_ID COUNT IN_FLIGHT\n"
                        + "       java -Djdk.httpclient.allowRestrictedHeaders=host bench/Fleet.java deploy CP_PORT ACCESS_TOKEN API_ID PROBE NODE_PORT…\n"
                        + "       java -Djdk.httpclient.allowRestrictedHeaders=host bench/Fleet.java propagate CP_PORT ACCESS_TOKEN API_ID INTEGRATION_ID DEPLOYS NODE_PORT…");
                System.exit(2);
            }
        } catch (Exception e) {
            // A worker's failure arrives wrapped; say what went wrong, not where.
            System.err.println("Fleet: " + (e instanceof ExecutionException ? e.getCause() : e));
            System.exit(1);
        }
    }

    /**
     * Route I of a realistic API: services of 25 resources, and on each resource the usual family —
     * list, create, get, replace, delete, a nested item by two parameters, a PATCH of it, and a greedy
     * files/{proxy+} — so the router sees shared prefixes, literals beside parameters, several methods
     * on one path, and ANY.
     */
    static String routeKey(int i) {
        int resource = i / KINDS;
        String base = "/svc" + resource / RESOURCES_PER_SERVICE + "/res" + resource;
        return switch (i % KINDS) {
            case 0 -> "GET " + base;
            case 1 -> "POST " + base;
            case 2 -> "GET " + base + "/{id}";
            case 3 -> "PUT " + base + "/{id}";
            case 4 -> "DELETE " + base + "/{id}";
            case 5 -> "GET " + base + "/{id}/items/{itemId}";
            case 6 -> "PATCH " + base + "/{id}/items/{itemId}";
            default -> "ANY " + base + "/{id}/files/{proxy+}";
        };
    }

    /** A request path the last GET route of COUNT routes answers (its {id} as 42). */
    static String probe(int count) {
        for (int i = count - 1; i >= 0; i--) {
            String key = routeKey(i);
            if (key.startsWith("GET ") && !key.contains("items")) {
                return key.substring(4).replace("{id}", "42");
            }
        }
        throw new IllegalArgumentException("no GET route among " + count);
    }

    static void create(Admin admin, String apiId, String integrationId, int count, int inFlight) throws Exception {
        long[] took = new long[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(inFlight);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < inFlight; w++) {
                done.add(workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        admin.send("POST", "/apis/" + apiId + "/routes", "{\"routeKey\":\"" + routeKey(i)
                                + "\",\"integrationId\":\"" + integrationId + "\"}", 201);
                        took[i] = System.nanoTime() - sent;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : done) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
        }
        long wall = System.nanoTime() - started;
        long[] sorted = took.clone();
        Arrays.sort(sorted);
        int tenth = Math.max(1, count / 10);
        System.out.println("created=" + count);
        System.out.println("millis=" + millis(wall));
        System.out.println("request_p50_ms=" + millis(percentile(sorted, 50)));
        System.out.println("request_p99_ms=" + millis(percentile(sorted, 99)));
        System.out.println("first_tenth_ms=" + millis(mean(took, 0, tenth)));
        System.out.println("last_tenth_ms=" + millis(mean(took, count - tenth, count)));
        System.out.println("probe=" + probe(count));
    }

    static void deploy(Admin admin, String apiId, String probe, List<Integer> nodePorts) throws Exception {
        HttpClient gateway = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pollers = Executors.newFixedThreadPool(nodePorts.size());
        try {
            long started = System.nanoTime();
            List<Future<Long>> served = new ArrayList<>();
            for (int port : nodePorts) {
                URI uri = URI.create("http://127.0.0.1:" + port + "/prod" + probe);
                served.add(pollers.submit(() -> pollUntilServed(gateway, uri, apiId + ".localhost", started)));
            }
            String answer = admin.send("POST", "/apis/" + apiId + "/deployments", "{\"stageName\":\"prod\"}", 201);
            System.out.println("deploy_ms=" + millis(System.nanoTime() - started));
            System.out.println("deploy_answer_bytes=" + answer.length());
            for (int i = 0; i < served.size(); i++) {
                System.out.println("served_ms_" + (i + 1) + "=" + millis(served.get(i).get()));
            }
        } finally {
            pollers.shutdownNow();
        }
    }

    /** Polls URI about once a millisecond until it answers 200; nanoseconds since STARTED. */
    static long pollUntilServed(HttpClient client, URI uri, String host, long started) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Host", host).timeout(Duration.ofSeconds(5)).GET().build();
        long interval = TimeUnit.MILLISECONDS.toNanos(1);
        long deadline = started + SERVE_DEADLINE.toNanos();
        for (long tick = started; ; tick += interval) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            if (response.statusCode() == 200) {
                return now - started;
            }
            if (now > deadline) {
                throw new IllegalStateException(uri + " still answers " + response.statusCode() + " "
                        + SERVE_DEADLINE.toSeconds() + " s after the deployment");
            }
            LockSupport.parkNanos(Math.max(0, tick + interval - System.nanoTime()));
        }
    }

    /** Nearest rank: the smallest value at least P percent of the values are not above. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static long mean(long[] values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / Math.max(1, to - from);
    }

    static void propagate(String[] args) throws Exception {
        Admin admin = new Admin(Integer.parseInt(args[1]), args[2]);
        String apiId = args[3];
        String integrationId = args[4];
        int deploys = Integer.parseInt(args[5]);
        List<Integer> nodePorts = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            nodePorts.add(Integer.parseInt(args[i]));
        }
        HttpClient gateway = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(POLL_TIMEOUT).build();
        ExecutorService pollers = Executors.newFixedThreadPool(nodePorts.size());
        try {
            for (int n = 1; n <= deploys; n++) {
                String body = "{\"v\":" + n + "}";
                admin.send("PATCH", "/apis/" + apiId + "/integrations/" + integrationId,
                        "{\"body\":" + jsonString(body) + "}", 200);
                long started = System.nanoTime();
                List<Future<Long>> served = new ArrayList<>();
                for (int port : nodePorts) {
                    URI uri = URI.create("http://127.0.0.1:" + port + "/prod/version");
                    served.add(pollers.submit(() -> pollUntil(gateway, uri, apiId + ".localhost", body, started)));
                }
                admin.send("POST", "/apis/" + apiId + "/deployments", "{\"stageName\":\"prod\"}", 201);
                long answered = System.nanoTime() - started;
                StringBuilder line = new StringBuilder("deploy " + n + " answered " + millis(answered));
                long slowest = 0;
                for (int i = 0; i < served.size(); i++) {
                    long took = served.get(i).get();
                    slowest = Math.max(slowest, took);
                    line.append(" node").append(i + 1).append(' ').append(millis(took));
                }
                System.out.println(line.append(" all ").append(millis(slowest)));
            }
        } finally {
            pollers.shutdownNow();
        }
    }

    /** Polls URI about once a millisecond until it answers 200 with BODY; nanoseconds since STARTED. */
    static long pollUntil(HttpClient client, URI uri, String host, String body, long started) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Host", host).timeout(POLL_TIMEOUT).GET().build();
        long deadline = started + NODE_DEADLINE.toNanos();
        for (long tick = started; ; tick += POLL_INTERVAL_NANOS) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            if (response.statusCode() == 200 && body.equals(response.body())) {
                return now - started;
            }
            if (now > deadline) {
                throw new IllegalStateException(uri + " still answers " + response.statusCode() + " "
                        + response.body() + " " + NODE_DEADLINE.toSeconds() + " s after the deployment, not " + body);
            }
            // Ticks a millisecond apart, so a slow answer is not followed by a full extra millisecond of sleep.
            LockSupport.parkNanos(Math.max(0, tick + POLL_INTERVAL_NANOS - System.nanoTime()));
        }
    }

    /** The body as a JSON string literal (it holds quotes; nothing else in it needs escaping). */
    static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String millis(long nanos) {
        return String.format("%.3f", nanos / 1e6);
    }

    /** The admin API at 127.0.0.1:PORT/admin/v1, as the user whose access token it holds. */
    record Admin(HttpClient client, String base, String token) {

        Admin(int port, String token) {
            this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(),
                    "http://127.0.0.1:" + port + "/admin/v1", token);
        }

        /** Sends METHOD PATH with a JSON body; fails unless the answer has status EXPECTED. */
        String send(String method, String path, String json, int expected) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(REQUEST_TIMEOUT)
                    .method(method, HttpRequest.BodyPublishers.ofString(json))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        }
    }
}
