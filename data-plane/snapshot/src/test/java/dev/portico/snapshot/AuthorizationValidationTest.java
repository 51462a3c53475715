package dev.portico.snapshot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the validator says about schema 1.2's authorizers, route authorization, mappings and CORS. */
class AuthorizationValidationTest {

    private static final JwtAuthorizer JWT = new JwtAuthorizer("j1", "idp", "https://idp.example.com",
            List.of("orders-api"), null, null);
    private static final CustomAuthorizer CUSTOM = new CustomAuthorizer("c1", "gate", "http://127.0.0.1:1/authorize",
            List.of("$request.header.Authorization"), 300, 0, true, null);

    private static List<String> problems(List<Route> routes, List<Integration> integrations,
                                         List<Authorizer> authorizers, Cors cors) {
        Deployment deployment = new Deployment("d1", 1, SnapshotCodec.contentHash(routes, integrations, authorizers),
                routes, integrations, authorizers);
        return SnapshotValidator.problems(Snapshot.of(1,
                List.of(new Api("a1", "a", cors, List.of(new Stage("prod", Map.of(), deployment))))));
    }

    private static Route route(String key, AuthorizationType type, String authorizerId) {
        return new Route("r-" + key, key, "m", type, authorizerId, List.of("orders:read"), false);
    }

    private static final Integration MOCK = new MockIntegration("m", 200, Map.of(), "");

    @Test
    void acceptsRoutesOnAuthorizersOfTheirType() {
        List<Route> routes = List.of(route("GET /a", AuthorizationType.JWT, "j1"),
                route("GET /b", AuthorizationType.CUSTOM, "c1"));
        assertThat(problems(routes, List.of(MOCK), List.of(JWT, CUSTOM), null)).isEmpty();
        assertThat(CUSTOM.timeoutMillis()).isEqualTo(CustomAuthorizer.DEFAULT_TIMEOUT_MILLIS);
        assertThat(JWT.identitySource()).isEqualTo("$request.header.Authorization");
    }

    @Test
    void namesRoutesOnMissingOrMistypedAuthorizers() {
        List<Route> routes = List.of(route("GET /a", AuthorizationType.JWT, "c1"),
                route("GET /b", AuthorizationType.CUSTOM, "nope"), route("GET /c", AuthorizationType.NONE, "j1"));
        assertThat(String.join("\n", problems(routes, List.of(MOCK), List.of(JWT, CUSTOM), null)))
                .contains("route GET /a: authorizationType JWT needs an authorizer of that type, got c1")
                .contains("route GET /b: authorizationType CUSTOM needs an authorizer of that type, got nope")
                .contains("route GET /c: authorizationType NONE with an authorizer");
    }

    @Test
    void namesBrokenAuthorizers() {
        List<Authorizer> broken = List.of(
                new JwtAuthorizer("j1", "x", " ", List.of(), "ftp://keys", "$context.nope"),
                new CustomAuthorizer("c1", "y", "not a uri", List.of("$request.path"), 4000, 60_000, true, "1.0"));
        assertThat(String.join("\n", problems(List.of(), List.of(), broken, null)))
                .contains("authorizer j1: no issuer").contains("authorizer j1: no audiences")
                .contains("jwksUri must be an absolute http(s) URI")
                .contains("authorizer c1: uri must be an absolute http(s) URI")
                .contains("resultTtlSeconds must be 0..3600").contains("timeoutMillis must be at most 30000")
                .contains("payloadFormatVersion must be 2.0")
                .contains("authorizer j1: identity source \"$context.nope\"")
                .contains("authorizer c1: identity source \"$request.path\" is not an identity source");
    }

    @Test
    void authorizersAreCoveredByTheContentHash() {
        List<Route> routes = List.of(route("GET /a", AuthorizationType.JWT, "j1"));
        String honest = SnapshotCodec.contentHash(routes, List.of(MOCK), List.of(JWT));
        JwtAuthorizer otherIssuer = new JwtAuthorizer("j1", "idp", "https://evil.example.com", List.of("orders-api"),
                null, null);
        Deployment tampered = new Deployment("d1", 1, honest, routes, List.of(MOCK), List.of(otherIssuer));
        Snapshot snapshot = Snapshot.of(1, List.of(new Api("a1", "a", List.of(new Stage("prod", Map.of(), tampered)))));
        assertThat(SnapshotValidator.problems(snapshot)).singleElement().asString().contains("content hash");
        assertThat(SnapshotCodec.contentHash(List.of(), List.of(MOCK), List.of()))
                .as("no authorizers hash as in schema 1.1").isEqualTo(SnapshotCodec.contentHash(List.of(), List.of(MOCK)));
    }

    @Test
    void namesBadMappingsAndRefusesAnyOriginWithCredentials() {
        Integration proxy = new HttpProxyIntegration("p", "http://127.0.0.1:1/", "ANY", 0, null,
                Map.of("overwrite:header.Host", "x", "append:body.x", "y", "overwrite:header.X-User", "$request.nope.a"));
        Cors cors = new Cors(List.of("*"), List.of("GET"), null, null, null, true);
        assertThat(String.join("\n", problems(List.of(), List.of(proxy), List.of(), cors)))
                .contains("requestParameters overwrite:header.Host: header Host is set by the gateway")
                .contains("requestParameters append:body.x: must be action:target")
                .contains("requestParameters overwrite:header.X-User: $request.nope.a is not known")
                .contains("allowCredentials cannot be combined with allowOrigins \"*\"");
    }
}
