package dev.portico.cp.fleet;

import dev.portico.cp.config.PorticoConfig;
import dev.portico.cp.database.Settings;
import dev.portico.cp.platform.DataDirectory;
import dev.portico.cp.platform.SecretFile;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret nodes present on the fleet channel: {@code PORTICO_CLUSTER_TOKEN}, or else one
 * generated at the first start (256 random bits), kept in the database for every replica and
 * written to {@code $PORTICO_DATA_DIR/cluster-token} (mode 600) for whoever starts nodes.
 */
@ApplicationScoped
public class ClusterToken {

    static final String SETTING = "cluster.token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PorticoConfig config;
    private final Settings settings;
    private final DataDirectory dataDirectory;
    private volatile byte[] expectedDigest;
    private volatile Source source;

    ClusterToken(PorticoConfig config, Settings settings, DataDirectory dataDirectory) {
        this.config = config;
        this.settings = settings;
        this.dataDirectory = dataDirectory;
    }

    /** Where the token came from, for the start-up summary. */
    public enum Source { ENVIRONMENT, GENERATED_NOW, DATABASE }

    /** Reads (or generates) the token; writes the token file when the token was generated. */
    public Source load() {
        String token;
        if (config.clusterToken().isPresent()) {
            token = config.clusterToken().get().trim();
            source = Source.ENVIRONMENT;
        } else {
            Settings.Setting stored = settings.getOrCreate(SETTING, ClusterToken::generate);
            token = stored.value();
            source = stored.created() ? Source.GENERATED_NOW : Source.DATABASE;
            SecretFile file = file();
            if (stored.created() || !file.exists()) {
                file.write(token);
            }
        }
        expectedDigest = digest(token);
        return source;
    }

    public SecretFile file() {
        return dataDirectory.clusterToken();
    }

    public Source source() {
        return source;
    }

    /** Constant time whatever the presented token: both sides are compared as SHA-256 digests. */
    public boolean matches(String presented) {
        byte[] expected = expectedDigest;
        return presented != null && expected != null && MessageDigest.isEqual(expected, digest(presented));
    }

    static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "pct_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
