package dev.portico.cp.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret of an API key: {@code pk_} and 32 random base62 characters (about 190 bits). Only its
 * SHA-256 and its first characters are ever stored.
 */
public final class ApiKeyValue {

    public static final String PREFIX = "pk_";
    /** 32 characters of base62 carry 32 × log2(62) ≈ 190 random bits, well above the 160 required. */
    static final int RANDOM_CHARACTERS = 32;
    /** How much of a value the admin API shows: {@code pk_} and five characters. */
    static final int DISPLAY_LENGTH = 8;

    private static final char[] BASE62 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyValue() {
    }

    /** A new random value. */
    public static String generate() {
        StringBuilder value = new StringBuilder(PREFIX.length() + RANDOM_CHARACTERS).append(PREFIX);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            value.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return value.toString();
    }

    /** SHA-256 of the value's UTF-8 bytes, lowercase hex (64 characters). */
    public static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The first characters of the value, shown instead of it. */
    public static String displayPrefix(String value) {
        return value.substring(0, Math.min(DISPLAY_LENGTH, value.length()));
    }
}
