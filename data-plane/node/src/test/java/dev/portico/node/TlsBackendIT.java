package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.RunningNode;
import dev.portico.snapshot.HttpProxyIntegration;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTPS backends: certificates are verified unless the integration says tls.insecureSkipVerify. */
class TlsBackendIT {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        Blocking.await(vertx.close());
    }

    @Test
    void selfSignedBackendIsRefusedUnlessVerificationIsSkipped(@TempDir Path dataDir) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
        HttpServer backend = vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                        .setKeyCertOptions(certificate.keyCertOptions()))
                .requestHandler(request -> request.response().end("secret backend"));
        Blocking.await(backend.listen(0, "127.0.0.1"));
        String uri = "https://127.0.0.1:" + backend.actualPort() + "/x";

        try (RunningNode node = RunningNode.start(dataDir);
             GatewayClient client = new GatewayClient(vertx, node.gatewayPort())) {
            node.apply(snapshot(1, api("tls0000001", stage("prod",
                    List.of(route("GET /skip", "skip"), route("GET /verify", "verify")),
                    List.of(new HttpProxyIntegration("skip", uri, "GET", 5000, new HttpProxyIntegration.Tls(true)),
                            new HttpProxyIntegration("verify", uri, "GET", 5000, new HttpProxyIntegration.Tls(false)))))));

            GatewayClient.Reply skipped = client.get("tls0000001.localhost", "/prod/skip");
            assertThat(skipped.status()).isEqualTo(200);
            assertThat(skipped.body()).isEqualTo("secret backend");
            assertThat(client.get("tls0000001.localhost", "/prod/verify").status()).isEqualTo(502);
        } finally {
            certificate.delete();
        }
    }
}
