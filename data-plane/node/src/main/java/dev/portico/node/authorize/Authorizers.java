package dev.portico.node.authorize;

import dev.portico.snapshot.Api;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.Authorizer;
import dev.portico.snapshot.CustomAuthorizer;
import dev.portico.snapshot.JwtAuthorizer;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.Stage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What authorization keeps for the node's whole life: the client towards issuers and authorizers,
 * issuers' keys, the tokens each JWT authorizer verified and custom authorizers' answers. Compiles a route's authorizer for a stage into an
 * immutable {@link RouteAuthorization} bound to those caches.
 */
public final class Authorizers {

    private final AuthorizerClient client;
    private final IssuerKeys keys;
    private final DecisionCache decisions = new DecisionCache();
    private final ConcurrentHashMap<JwtIdentity, JwtVerification> verifications = new ConcurrentHashMap<>();

    /** What makes two JWT authorizers verify tokens alike, whatever their ids. */
    private record JwtIdentity(String issuer, Set<String> audiences, String jwksUri) {
    }

    public Authorizers(Vertx vertx) {
        this.client = new AuthorizerClient(vertx);
        this.keys = new IssuerKeys(client);
    }

    /**
     * The route's authorization for this stage, or null when it has none. Throws
     * {@link IllegalArgumentException} for an identity source the node cannot read.
     *
     * @param authorizers the deployment's authorizers by id
     */
    public RouteAuthorization compile(Route route, Map<String, Authorizer> authorizers, RouteContext context) {
        if (route.authorizationType() == AuthorizationType.NONE) {
            return null;
        }
        Authorizer authorizer = authorizers.get(route.authorizerId());
        if (authorizer instanceof JwtAuthorizer jwt && route.authorizationType() == AuthorizationType.JWT) {
            return new JwtCheck(IdentitySource.parse(jwt.identitySource(), context.stageVariables()), verification(jwt),
                    Set.copyOf(route.authorizationScopes()));
        }
        if (authorizer instanceof CustomAuthorizer custom && route.authorizationType() == AuthorizationType.CUSTOM) {
            List<IdentitySource> sources = custom.identitySources().stream()
                    .map(source -> IdentitySource.parse(source, context.stageVariables())).toList();
            return new CustomCheck(custom, sources, context, client, decisions);
        }
        throw new IllegalArgumentException("authorization " + route.authorizationType() + " needs an authorizer of that type, got "
                + route.authorizerId());
    }

    /** The authorizer's verification, with the tokens it verified so far (they outlive snapshots). */
    private JwtVerification verification(JwtAuthorizer jwt) {
        return verifications.computeIfAbsent(identity(jwt),
                identity -> new JwtVerification(new TokenVerifier(jwt.issuer(), jwt.audiences()), keys.of(jwt.issuer(), jwt.jwksUri())));
    }

    /**
     * Forgets the verified tokens and keys of JWT authorizers that {@code snapshot} no longer has, so a
     * changed issuer, audience or JWKS URI frees its caches. Called once a whole snapshot compiled;
     * requests still on the previous snapshot keep what they hold.
     */
    public void keepOnly(Snapshot snapshot) {
        Set<JwtIdentity> identities = new HashSet<>();
        Set<String> keySets = new HashSet<>();
        for (Api api : snapshot.apis()) {
            for (Stage stage : api.stages()) {
                for (Authorizer authorizer : stage.deployment().authorizers()) {
                    if (authorizer instanceof JwtAuthorizer jwt) {
                        identities.add(identity(jwt));
                        keySets.add(JwksSource.cacheKey(jwt.issuer(), jwt.jwksUri()));
                    }
                }
            }
        }
        verifications.keySet().retainAll(identities);
        keys.keepOnly(keySets);
    }

    /** How many JWT authorizers' verifications are kept (for tests). */
    int jwtVerifications() {
        return verifications.size();
    }

    private static JwtIdentity identity(JwtAuthorizer jwt) {
        return new JwtIdentity(jwt.issuer(), Set.copyOf(jwt.audiences()), jwt.jwksUri());
    }

    public Future<Void> close() {
        return client.close();
    }
}
