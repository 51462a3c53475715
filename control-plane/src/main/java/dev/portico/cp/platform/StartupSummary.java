package dev.portico.cp.platform;

import dev.portico.cp.auth.FirstAdmin;
import dev.portico.cp.fleet.ClusterToken;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one block an operator reads at start: where everything is. Printed once both the platform
 * is bootstrapped and the HTTP server listens, so it never claims a start that then fails.
 */
@ApplicationScoped
public class StartupSummary {

    private static final Logger LOG = Logger.getLogger(StartupSummary.class);

    private final String host;
    private int port;
    private String admin;
    private String token;
    private boolean listening;

    StartupSummary(@ConfigProperty(name = "quarkus.http.host") String host,
                   @ConfigProperty(name = "quarkus.http.port") int port) {
        boolean anyAddress = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        this.host = anyAddress ? "localhost" : host;
        this.port = port;
    }

    synchronized void bootstrapped(FirstAdmin.Outcome firstAdmin, ClusterToken.Source source, SecretFile tokenFile) {
        admin = firstAdmin.describe();
        token = switch (source) {
            case ENVIRONMENT -> "from PORTICO_CLUSTER_TOKEN";
            case GENERATED_NOW -> "generated now, in " + tokenFile;
            case DATABASE -> "in " + tokenFile;
        };
        printWhenComplete(false);
    }

    synchronized void listening(@ObservesAsync HttpServerStart start) {
        if (start.options().getPort() > 0) {
            port = start.options().getPort();
        }
        printWhenComplete(true);
    }

    private void printWhenComplete(boolean nowListening) {
        listening |= nowListening;
        if (!listening || admin == null) {
            return;
        }
        String base = "http://" + host + ":" + port;
        LOG.info("""

                ---------------------------------------------------------------------------
                 Portico control plane is up
                   Console         %1$s/
                   Admin API       %1$s/admin/v1   (OpenAPI: %1$s/q/openapi, Swagger UI: %1$s/q/swagger-ui)
                   Admin user      admin
                   Admin password  %2$s
                   Cluster token   %3$s
                   Fleet channel   %4$s/fleet/v1/connect
                ---------------------------------------------------------------------------"""
                .formatted(base, admin, token, base.replace("http://", "ws://")));
        admin = null;   // once
    }
}
