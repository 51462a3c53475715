package dev.portico.node.pipeline;

import dev.portico.node.authorize.AuthorizeStep;
import dev.portico.node.observe.AccessLog;
import dev.portico.node.observe.NodeMetrics;
import dev.portico.node.protect.Protection;
import dev.portico.node.routing.ExecuteDomain;

import java.util.List;

/** Runs the steps over an exchange. The order of the steps is decided in {@link #standard} and nowhere else. */
public final class Pipeline {

    private static final System.Logger LOG = System.getLogger(Pipeline.class.getName());

    private final Step[] steps;

    public Pipeline(List<Step> steps) {
        this.steps = steps.toArray(new Step[0]);
    }

    /**
     * THE order of the request pipeline. Access log &amp; metrics comes first so that it is the
     * outermost layer: it sees every exchange, including those a later step answers, and records it
     * after every other step is done. Request limits come before anything reads the request. API
     * key, throttling and quota follow route resolution in SPEC §4's order: a request without a
     * valid key takes no token, and a throttled one uses none of its quota. The CORS preflight is
     * answered right after resolution, so it never meets an authorizer, a key check or a bucket.
     * Authorization goes between it and the key step: a caller the authorizer refuses is never asked
     * for a key. Request validation follows the quota: only an admitted request has its body read
     * and checked, and nothing invalid reaches the cache or the integration. The cache will go
     * between validation and the integration (SPEC §4). Response parameter mapping
     * is the integration's last act ({@code ResponseMapping}, compiled into each integration target):
     * it edits the response as its head is formed, and the head decorations (X-Request-Id, CORS
     * headers) run after it as the head goes out, so SPEC §4's "integration → response parameter
     * mapping → CORS headers" holds and CORS always wins. The gateway's own answers are shaped by the
     * stage's gateway responses in {@link Exchange#reject}, not by response mapping.
     */
    public static Pipeline standard(AccessLog accessLog, NodeMetrics metrics, GatewayLimits limits,
                                    ExecuteDomain domain, Protection protection) {
        return new Pipeline(List.of(
                new AccessLogStep(accessLog, metrics),
                new RequestLimitsStep(limits),
                new RouteResolutionStep(domain),
                new CorsPreflightStep(),
                new AuthorizeStep(metrics),
                new ApiKeyStep(metrics, new RateLimitHeaders(protection.ledger())),
                new ThrottleStep(metrics, protection.keyBuckets(), protection.nodeBucket()),
                new QuotaStep(metrics, protection.ledger()),
                new ValidationStep(metrics),
                new IntegrationStep()));
    }

    public List<Step> steps() {
        return List.of(steps);
    }

    /** Runs the exchange through the steps; {@link Exchange} calls back into {@link #proceed} and {@link #complete}. */
    public void start(Exchange exchange) {
        exchange.attach(this);
        proceed(exchange);
    }

    void proceed(Exchange exchange) {
        int index = exchange.enterNextStep();
        if (index >= steps.length) {
            LOG.log(System.Logger.Level.ERROR, "pipeline ended without an answer for " + exchange.requestId());
            exchange.reject(GatewayError.INTERNAL_ERROR);
            return;
        }
        try {
            steps[index].onRequest(exchange);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "step " + steps[index].getClass().getSimpleName()
                    + " failed on request " + exchange.requestId(), e);
            exchange.reject(GatewayError.INTERNAL_ERROR);
        }
    }

    void complete(Exchange exchange) {
        for (int i = Math.min(exchange.enteredSteps(), steps.length) - 1; i >= 0; i--) {
            try {
                steps[i].onResponse(exchange);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "step " + steps[i].getClass().getSimpleName()
                        + " failed on response " + exchange.requestId(), e);
            }
        }
    }
}
