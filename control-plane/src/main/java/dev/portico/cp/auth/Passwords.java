package dev.portico.cp.auth;

import io.quarkus.elytron.security.common.BcryptUtil;

import java.security.SecureRandom;

/** Password hashing (bcrypt) and generation. */
final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    /** Checked against when the user is unknown, so that a wrong name costs as long as a wrong password. */
    private static final String NOBODY = hash(generate());

    private Passwords() {
    }

    static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    static boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash == null ? NOBODY : hash);
    }

    /** 24 characters from a 56-letter alphabet without look-alikes: about 139 random bits. */
    static String generate() {
        char[] password = new char[24];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(password);
    }
}
