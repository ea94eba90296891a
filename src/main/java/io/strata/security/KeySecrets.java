package io.strata.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * KeySecrets makes API key ids and secrets and hashes secrets for storage. Generated secrets carry 256 random
 * bits; the hash is PBKDF2-HMAC-SHA256 with a per-key salt all the same, because the bootstrap admin key's
 * secret is chosen by a person. Verification is slow on purpose; the authenticator caches what it verified.
 */
public final class KeySecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 210_000;
    private static final int HASH_BITS = 256;

    private static final HexFormat HEX = HexFormat.of();
    // Looking a digest up by name costs more than digesting a header; each request thread keeps one.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    });

    private KeySecrets() {
    }

    /** A new key id: {@code k} and 12 hex digits, short enough to read out, unlikely to collide. */
    public static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return "k" + HexFormat.of().formatHex(bytes);
    }

    /** A new secret: 32 random bytes, URL-safe Base64 without padding (no dot, so a token splits at its first dot). */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of {@code secret}: {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, salt and hash in Base64. */
    public static String hash(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(secret, salt, ITERATIONS));
    }

    /** Whether {@code secret} is the one {@code stored} was made from; a malformed stored hash matches nothing. */
    public static boolean matches(String secret, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(secret, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A SHA-256 digest of {@code text}, hex: the authenticator's cache key, so no secret sits in memory maps. */
    public static String digest(String text) {
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        return HEX.formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
        }
    }
}
