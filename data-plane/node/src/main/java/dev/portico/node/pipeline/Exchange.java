package dev.portico.node.pipeline;

import dev.portico.node.authorize.Authorized;
import dev.portico.node.protect.KeyGrant;
import dev.portico.node.protect.TokenBucket;
import dev.portico.node.routing.PathParameters;
import dev.portico.node.snapshot.CompiledApi;
import dev.portico.node.snapshot.CompiledRoute;
import dev.portico.node.snapshot.CompiledSnapshot;
import dev.portico.node.snapshot.CompiledStage;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.Arrays;
import java.util.List;

/**
 * One request on its way through the pipeline, with typed fields that steps fill in as they learn
 * things. It keeps the {@link CompiledSnapshot} the request started with, so a snapshot swapped in
 * meanwhile never changes a request half-way. Used on one event loop only: no synchronization.
 */
public final class Exchange {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final long LINGER_MILLIS = 2_000;

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final CompiledSnapshot snapshot;
    private final String requestId;
    private final GatewayLimits limits;
    private final long startNanos = System.nanoTime();
    private final long startEpochMillis = System.currentTimeMillis();

    private Pipeline pipeline;
    private int enteredSteps;
    private boolean completed;
    private Runnable clientClosedListener;

    private CompiledApi api;
    private CompiledStage stage;
    private CompiledRoute route;
    private PathParameters pathParameters = PathParameters.NONE;
    private long integrationStartNanos = -1;
    private long integrationEndNanos = -1;
    private GatewayError error;
    private String apiKeyId;
    private KeyGrant keyGrant;
    private TokenBucket keyBucket;
    private long quotaLeft = -1;
    private Authorized authorized = Authorized.ANONYMOUS;
    private Buffer bufferedBody;
    /** Grown on demand: most requests have none, a keyed request on a CORS API two. */
    private HeadDecoration[] headDecorations;
    private int headDecorationCount;

    public Exchange(HttpServerRequest request, CompiledSnapshot snapshot, String requestId, GatewayLimits limits) {
        this.request = request;
        this.response = request.response();
        this.snapshot = snapshot;
        this.requestId = requestId;
        this.limits = limits;
    }

    void attach(Pipeline pipeline) {
        this.pipeline = pipeline;
        // Set last, just before the head goes out, so no step or backend header can replace it.
        response.headersEndHandler(v -> {
            response.headers().set(REQUEST_ID_HEADER, requestId);
            for (int i = 0; i < headDecorationCount; i++) {
                headDecorations[i].decorate(this, response.headers());
            }
        });
        response.endHandler(v -> complete());
        response.closeHandler(v -> clientClosed());
    }

    /** Runs the next step of the pipeline. */
    public void proceed() {
        pipeline.proceed(this);
    }

    /**
     * Answers with the gateway's own JSON for {@code reason} (as the stage's gateway responses
     * customise it), unless a response is already under way.
     */
    public void reject(GatewayError reason) {
        answer(reason, List.of());
    }

    /** As {@link #reject(GatewayError)}, with the body {@code {"message": "…", "errors": [...]}} saying what was wrong. */
    public void reject(GatewayError reason, List<String> errors) {
        answer(reason, errors);
    }

    private void answer(GatewayError reason, List<String> errors) {
        this.error = reason;
        if (response.headWritten() || response.closed()) {
            response.reset();
            return;
        }
        // Before a stage is known (no API or stage, request limits) only the built-in answers exist.
        GatewayAnswers answers = stage == null ? GatewayAnswers.BUILT_IN : stage.answers();
        Buffer body = answers.write(response, requestId, reason, errors);
        if (reason.closesConnection()) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(body);
        if (reason.closesConnection()) {
            UnreadBody.lingerThenClose(request, LINGER_MILLIS);
        } else {
            discardRequestBody();
        }
    }

    /** Records a failure that can no longer be answered (the response head already went out). */
    public void fail(GatewayError reason) {
        this.error = reason;
    }

    /**
     * The whole request body, when a step had to read it before the integration (request validation
     * with a body model); null when it was not read and is still waiting to be streamed. Whoever sends
     * the body on (the proxy, a function call) must send this one when it is set: the request itself
     * has then already ended.
     */
    public Buffer bufferedBody() {
        return bufferedBody;
    }

    public void bufferedBody(Buffer body) {
        this.bufferedBody = body;
    }

    /** Reads and drops a request body nobody will forward, so the connection can carry the next request. */
    public void discardRequestBody() {
        UnreadBody.discard(request, limits.maxBodyBytes());
    }

    /** Called (once) with the exchange's one listener when the client closes before the exchange ends. */
    public void onClientClosed(Runnable listener) {
        this.clientClosedListener = listener;
    }

    private void clientClosed() {
        noteIfClientLeftUnanswered();
        Runnable listener = clientClosedListener;
        clientClosedListener = null;
        if (listener != null) {
            listener.run();
        }
    }

    /**
     * Vert.x calls the response's end handler also when the connection closes before the response
     * ended, and before its close handler: so both look here, or such an exchange is logged as a 200.
     */
    private void complete() {
        if (!completed) {
            completed = true;
            noteIfClientLeftUnanswered();
            pipeline.complete(this);
        }
    }

    private void noteIfClientLeftUnanswered() {
        if (!response.ended() && !response.headWritten() && error == null) {
            error = GatewayError.CLIENT_CLOSED_REQUEST;
        }
    }

    int enterNextStep() {
        return enteredSteps++;
    }

    int enteredSteps() {
        return enteredSteps;
    }

    public void integrationStarted() {
        integrationStartNanos = System.nanoTime();
    }

    public void integrationEnded() {
        if (integrationStartNanos >= 0 && integrationEndNanos < 0) {
            integrationEndNanos = System.nanoTime();
        }
    }

    public HttpServerRequest request() {
        return request;
    }

    public HttpServerResponse response() {
        return response;
    }

    public CompiledSnapshot snapshot() {
        return snapshot;
    }

    public String requestId() {
        return requestId;
    }

    public GatewayLimits limits() {
        return limits;
    }

    public long startEpochMillis() {
        return startEpochMillis;
    }

    /** Nanoseconds from the start of the exchange until now. */
    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    /** Nanoseconds the integration took until its response head arrived, or -1 when none was called. */
    public long integrationNanos() {
        if (integrationStartNanos < 0) {
            return -1;
        }
        return (integrationEndNanos < 0 ? System.nanoTime() : integrationEndNanos) - integrationStartNanos;
    }

    /** The status the client got: 499 when it left before any answer. */
    public int status() {
        return error == GatewayError.CLIENT_CLOSED_REQUEST ? error.status() : response.getStatusCode();
    }

    public long bytesIn() {
        return request.bytesRead();
    }

    public long bytesOut() {
        return response.bytesWritten();
    }

    public CompiledApi api() {
        return api;
    }

    public void api(CompiledApi api) {
        this.api = api;
    }

    public CompiledStage stage() {
        return stage;
    }

    public void stage(CompiledStage stage) {
        this.stage = stage;
    }

    public CompiledRoute route() {
        return route;
    }

    public PathParameters pathParameters() {
        return pathParameters;
    }

    /** Records the matched route and its parameters. */
    public void route(CompiledRoute route, PathParameters parameters) {
        this.route = route;
        this.pathParameters = parameters;
    }

    public GatewayError error() {
        return error;
    }

    /** The id of the API key the request carried, once known (also when the key was then refused); else null. */
    public String apiKeyId() {
        return apiKeyId;
    }

    public void apiKeyId(String id) {
        this.apiKeyId = id;
    }

    /** The accepted key and its plan for this API stage; null on routes without {@code apiKeyRequired}. */
    public KeyGrant keyGrant() {
        return keyGrant;
    }

    public void keyGrant(KeyGrant grant) {
        this.keyGrant = grant;
    }

    /** Who the route's authorizer let in; {@link Authorized#ANONYMOUS} before authorization or without it. */
    public Authorized authorized() {
        return authorized;
    }

    public void authorized(Authorized authorized) {
        this.authorized = authorized;
    }

    /** Requests left of the key's quota as the quota step admitted (or refused) this one; -1 before it ran. */
    public long quotaLeft() {
        return quotaLeft;
    }

    public void quotaLeft(long left) {
        this.quotaLeft = left;
    }

    /** The bucket of the key's plan that this request drew on (per route or plan-wide); null when none. */
    public TokenBucket keyBucket() {
        return keyBucket;
    }

    public void keyBucket(TokenBucket bucket) {
        this.keyBucket = bucket;
    }

    /**
     * Adds headers to the response head just before it goes out, whoever answers (backend, mock or
     * gateway). Decorations run in the order they were added.
     */
    public void decorateHead(HeadDecoration decoration) {
        if (headDecorations == null) {
            headDecorations = new HeadDecoration[2];
        } else if (headDecorationCount == headDecorations.length) {
            headDecorations = Arrays.copyOf(headDecorations, headDecorationCount * 2);
        }
        headDecorations[headDecorationCount++] = decoration;
    }

    /** Headers computed when the response head leaves: after the backend's headers, so they cannot be replaced. */
    @FunctionalInterface
    public interface HeadDecoration {
        void decorate(Exchange exchange, MultiMap headers);
    }
}
