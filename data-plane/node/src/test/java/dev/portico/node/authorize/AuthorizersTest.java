package dev.portico.node.authorize;

import dev.portico.node.integration.BackendClients;
import dev.portico.node.snapshot.SnapshotCompiler;
import dev.portico.node.testing.Blocking;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.Deployment;
import dev.portico.snapshot.GoldenSnapshots;
import dev.portico.snapshot.JwtAuthorizer;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.Stage;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The caches of JWT authorizers follow the configuration: an issuer a snapshot drops is forgotten. */
class AuthorizersTest {

    private final Vertx vertx = Vertx.vertx();
    private final Authorizers authorizers = new Authorizers(vertx);
    private final SnapshotCompiler compiler = new SnapshotCompiler(new BackendClients(vertx, 4, 1), authorizers);

    @AfterEach
    void close() {
        Blocking.await(vertx.close());
    }

    @Test
    void aChangedIssuerFreesTheOldOnesCaches() {
        Snapshot orders = GoldenSnapshots.read("orders");
        compiler.compile(orders);
        assertThat(authorizers.jwtVerifications()).isEqualTo(1);

        compiler.compile(withIssuer(orders, "http://127.0.0.1:9996/realms/other"));
        assertThat(authorizers.jwtVerifications()).as("only the new issuer's").isEqualTo(1);

        compiler.compile(GoldenSnapshots.read("pets"));
        assertThat(authorizers.jwtVerifications()).as("no JWT authorizer left").isZero();
    }

    private static Snapshot withIssuer(Snapshot snapshot, String issuer) {
        Api api = snapshot.apis().get(0);
        Stage stage = api.stages().get(0);
        Deployment old = stage.deployment();
        List<dev.portico.snapshot.Authorizer> authorizers = old.authorizers().stream()
                .map(a -> a instanceof JwtAuthorizer jwt ? new JwtAuthorizer(jwt.id(), jwt.name(), issuer, jwt.audiences(),
                        jwt.jwksUri(), jwt.identitySource()) : a).toList();
        Deployment changed = new Deployment(old.id(), old.version(),
                SnapshotCodec.contentHash(old.routes(), old.integrations(), authorizers), old.routes(), old.integrations(), authorizers);
        return Snapshot.of(snapshot.revision() + 1, List.of(new Api(api.id(), api.name(), api.cors(),
                List.of(new Stage(stage.name(), stage.variables(), stage.throttle(), stage.routeThrottles(), changed)))));
    }
}
