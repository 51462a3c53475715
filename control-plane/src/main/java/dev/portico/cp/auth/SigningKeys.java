package dev.portico.cp.auth;

import dev.portico.cp.database.Settings;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RSA key pair that signs and verifies admin API tokens. Generated at the first start and kept
 * in the database (setting {@value #SETTING}, both keys as PEM in one value so that replicas
 * starting together cannot mix halves of two pairs); never in the repository or on disk.
 */
@ApplicationScoped
public class SigningKeys {

    static final String SETTING = "jwt.signing-key";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private final Settings settings;
    private volatile Loaded loaded;

    SigningKeys(Settings settings) {
        this.settings = settings;
    }

    /** Reads the pair from the database, generating it first when there is none. */
    public void load() {
        KeyPair pair = parse(settings.getOrCreate(SETTING, SigningKeys::generate).value());
        loaded = new Loaded(pair, keyId(pair.getPublic()));
    }

    public PublicKey publicKey() {
        return require().pair().getPublic();
    }

    PrivateKey privateKey() {
        return require().pair().getPrivate();
    }

    /** Names the key in each token's header ("kid"), so a future rotation can tell keys apart. */
    String keyId() {
        return require().keyId();
    }

    private Loaded require() {
        Loaded keys = loaded;
        if (keys == null) {
            throw new IllegalStateException("the token signing keys are not loaded yet");
        }
        return keys;
    }

    static String generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM can make RSA keys", e);
        }
    }

    static KeyPair parse(String pems) {
        byte[] privateKey = null;
        byte[] publicKey = null;
        Matcher block = PEM.matcher(pems);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            if (block.group(1).equals("PRIVATE KEY")) {
                privateKey = der;
            } else if (block.group(1).equals("PUBLIC KEY")) {
                publicKey = der;
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new IllegalStateException("setting " + SETTING + " does not hold a PEM key pair");
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(publicKey)),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("setting " + SETTING + " holds an unreadable key", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record Loaded(KeyPair pair, String keyId) {
    }
}
