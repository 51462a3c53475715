package dev.portico.node.protect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-256 of an API key's value in lowercase hex: what snapshots carry instead of the value. */
public final class KeyHash {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** One digest per thread: event loops are a few fixed threads, and a digest is not thread-safe. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(KeyHash::newDigest);

    private KeyHash() {
    }

    public static String of(String value) {
        MessageDigest digest = SHA_256.get();
        byte[] hash = digest.digest(value.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            hex[2 * i] = HEX[(hash[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[hash[i] & 0xF];
        }
        return new String(hex);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
