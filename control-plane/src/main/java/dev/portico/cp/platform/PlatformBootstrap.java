package dev.portico.cp.platform;

import dev.portico.cp.auth.FirstAdmin;
import dev.portico.cp.auth.SigningKeys;
import dev.portico.cp.fleet.ClusterToken;
import dev.portico.cp.revision.RevisionListener;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * What the control plane needs before it can serve, once the schema is migrated: the token signing
 * keys, the first admin, the cluster token, and the revision listener. Until it is done the control
 * plane reports not ready.
 */
@Readiness
@ApplicationScoped
public class PlatformBootstrap implements HealthCheck {

    private final SigningKeys signingKeys;
    private final FirstAdmin firstAdmin;
    private final ClusterToken clusterToken;
    private final RevisionListener revisionListener;
    private final StartupSummary summary;
    private volatile boolean done;

    PlatformBootstrap(SigningKeys signingKeys, FirstAdmin firstAdmin, ClusterToken clusterToken,
                      RevisionListener revisionListener, StartupSummary summary) {
        this.signingKeys = signingKeys;
        this.firstAdmin = firstAdmin;
        this.clusterToken = clusterToken;
        this.revisionListener = revisionListener;
        this.summary = summary;
    }

    void onStart(@Observes StartupEvent event) {
        signingKeys.load();
        FirstAdmin.Outcome admin = firstAdmin.ensure();
        ClusterToken.Source token = clusterToken.load();
        revisionListener.start();
        done = true;
        summary.bootstrapped(admin, token, clusterToken.file());
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("portico-platform").status(done).build();
    }
}
