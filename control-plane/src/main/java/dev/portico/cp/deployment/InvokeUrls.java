package dev.portico.cp.deployment;

import dev.portico.snapshot.Stage;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where a stage is invoked on the gateway: {@code http://{apiId}.{domain}:{port}/{stage}}, and for
 * {@code $default} without the stage segment. {@code domain} comes from PORTICO_EXECUTE_DOMAIN.
 */
@ConfigMapping(prefix = "portico.invoke")
public interface InvokeUrls {

    @WithDefault("localhost")
    String domain();

    /** The gateway port nodes listen on (PORTICO_GATEWAY_PORT of the nodes). */
    @WithDefault("8000")
    int port();

    /** The invoke URL of one stage. */
    static String of(InvokeUrls config, String apiId, String stage) {
        String base = "http://" + apiId + "." + config.domain() + ":" + config.port();
        return Stage.DEFAULT.equals(stage) ? base : base + "/" + stage;
    }
}
