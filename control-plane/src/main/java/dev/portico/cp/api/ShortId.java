package dev.portico.cp.api;

import java.security.SecureRandom;

/** The ids of APIs and their parts: 10 random characters of [a-z0-9], e.g. {@code k3x9q2m7ab}. */
public final class ShortId {

    public static final int LENGTH = 10;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShortId() {
    }

    public static String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
