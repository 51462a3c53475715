package dev.portico.node.snapshot;

import dev.portico.node.authorize.Authorizers;
import dev.portico.node.authorize.RouteContext;
import dev.portico.node.cors.CompiledCors;
import dev.portico.node.integration.BackendClients;
import dev.portico.node.integration.FunctionRoute;
import dev.portico.node.integration.FunctionTarget;
import dev.portico.node.integration.IntegrationTarget;
import dev.portico.node.integration.MissingIntegration;
import dev.portico.node.integration.MockTarget;
import dev.portico.node.integration.ProxyTarget;
import dev.portico.node.pipeline.GatewayAnswers;
import dev.portico.node.protect.ProtectionCompiler;
import dev.portico.node.routing.MalformedPathException;
import dev.portico.node.routing.ParamSlot;
import dev.portico.node.routing.RouteTable;
import dev.portico.node.validate.BodySchema;
import dev.portico.node.validate.ModelSchemas;
import dev.portico.node.validate.RouteValidation;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.Authorizer;
import dev.portico.snapshot.FunctionIntegration;
import dev.portico.snapshot.HttpProxyIntegration;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.InvalidSnapshotException;
import dev.portico.snapshot.MockIntegration;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.RouteKey;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.Stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a validated {@link Snapshot} into a {@link CompiledSnapshot}: one route trie per stage and,
 * per route, its integration bound to the stage's variables and the route's parameters, and its
 * authorizer bound to the node's key and answer caches ({@link Authorizers}); keys, plans
 * and throttles come from {@link ProtectionCompiler}; each deployment's models are compiled once
 * ({@link ModelSchemas}) and every route gets its {@link RouteValidation}. Problems
 * the contract's validator cannot see (a URI that is not http(s), a mock status no HTTP response
 * has, a model schema that does not compile) are all collected and thrown together.
 */
public final class SnapshotCompiler {

    private final BackendClients backends;
    private final Authorizers authorizers;

    public SnapshotCompiler(BackendClients backends, Authorizers authorizers) {
        this.backends = backends;
        this.authorizers = authorizers;
    }

    /** Throws {@link InvalidSnapshotException} listing every problem found. */
    public CompiledSnapshot compile(Snapshot snapshot) {
        return compile(snapshot, CompiledSnapshot.NONE);
    }

    /** As {@link #compile(Snapshot)}, carrying the route buckets of {@code previous} over. */
    public CompiledSnapshot compile(Snapshot snapshot, CompiledSnapshot previous) {
        List<String> problems = new ArrayList<>();
        Map<String, CompiledApi> apis = new HashMap<>();
        ProtectionCompiler protection = new ProtectionCompiler(snapshot, previous.routeBuckets(), System.nanoTime());
        ModelSchemas models = new ModelSchemas();
        for (Api api : snapshot.apis()) {
            String key = api.id().toLowerCase(Locale.ROOT);
            if (apis.put(key, compileApi(api, protection, models, problems)) != null) {
                problems.add("api ids differ only in case: " + api.id());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSnapshotException(problems);
        }
        authorizers.keepOnly(snapshot);
        return new CompiledSnapshot(snapshot.revision(), apis, protection.keys(), protection.routeBuckets());
    }

    private CompiledApi compileApi(Api api, ProtectionCompiler protection, ModelSchemas models, List<String> problems) {
        Map<String, CompiledStage> named = new HashMap<>();
        CompiledStage defaultStage = null;
        for (Stage stage : api.stages()) {
            CompiledStage compiled = compileStage(api.id(), stage, protection, models, problems);
            if (Stage.DEFAULT.equals(stage.name())) {
                defaultStage = compiled;
            } else {
                named.put(stage.name(), compiled);
            }
        }
        return new CompiledApi(api.id(), CompiledCors.compile(api.cors()), named, defaultStage);
    }

    private CompiledStage compileStage(String apiId, Stage stage, ProtectionCompiler protection, ModelSchemas models,
                                       List<String> problems) {
        Map<String, Integration> integrations = new HashMap<>();
        for (Integration integration : stage.deployment().integrations()) {
            integrations.put(integration.id(), integration);
        }
        Map<String, Authorizer> byId = new HashMap<>();
        for (Authorizer authorizer : stage.deployment().authorizers()) {
            byId.put(authorizer.id(), authorizer);
        }
        Map<String, BodySchema> schemas = models.of(stage.deployment(), "api " + apiId + " stage " + stage.name(), problems);
        RouteTable.Builder<CompiledRoute> table = RouteTable.builder();
        for (Route route : stage.deployment().routes()) {
            try {
                RouteKey key = RouteKey.parse(route.routeKey());
                List<ParamSlot> slots = ParamSlot.of(key);
                IntegrationTarget target = target(integrations.get(route.integrationId()), stage.variables(), slots,
                        () -> FunctionRoute.of(apiId, stage.name(), route.id(), key, route.authorizationType(), stage.variables()));
                RouteContext context = new RouteContext(apiId, stage.name(), route.routeKey(), stage.variables(), slots);
                RouteValidation validation = RouteValidation.compile(route.requestValidation(), slots, schemas);
                table.add(key, new CompiledRoute(route.id(), route.routeKey(), slots, target, apiId, stage.name(),
                        route.apiKeyRequired(), protection.routeThrottle(apiId, stage, route.routeKey()),
                        authorizers.compile(route, byId, context), validation));
            } catch (IllegalArgumentException | MalformedPathException e) {
                problems.add("api " + apiId + " stage " + stage.name() + " route " + route.routeKey() + ": " + e.getMessage());
            }
        }
        GatewayAnswers answers = GatewayAnswers.BUILT_IN;
        try {
            answers = GatewayAnswers.compile(stage.deployment().gatewayResponses(), apiId, stage.name(), stage.variables());
        } catch (IllegalArgumentException e) {
            problems.add("api " + apiId + " stage " + stage.name() + " gateway responses: " + e.getMessage());
        }
        return new CompiledStage(stage.name(), stage.deployment().id(), table.build(),
                protection.grants(apiId, stage.name()), answers);
    }

    /** @param functionRoute what a function's event says of the route; only made for FUNCTION integrations */
    private IntegrationTarget target(Integration integration, Map<String, String> variables, List<ParamSlot> slots,
                                     Supplier<FunctionRoute> functionRoute) {
        if (integration == null) {
            return new MissingIntegration();
        }
        if (integration instanceof HttpProxyIntegration proxy) {
            return ProxyTarget.compile(proxy, variables, slots, backends);
        }
        if (integration instanceof FunctionIntegration function) {
            return FunctionTarget.compile(function, variables, functionRoute.get(), backends);
        }
        // Integration is sealed: what is left is a mock.
        return new MockTarget((MockIntegration) integration);
    }
}
