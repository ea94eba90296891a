package io.strata.security;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A MasterKey is one 256-bit AES key that seals the secrets Strata stores, with its id: the first 8 hex digits of
 * the SHA-256 of the key's bytes. The id is stored with every sealed value, so that after a rotation the older key
 * that sealed a value can still be found; it says nothing usable about the key.
 */
public final class MasterKey {

    /** A master key's length in bytes (AES-256). */
    public static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String id;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = idOf(bytes);
    }

    /** A fresh random key. */
    public static MasterKey generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /**
     * The key whose base64 text is {@code text}; {@code source} names where the text came from in the error (an
     * environment variable, a line of the key file), which never repeats the text itself.
     */
    public static MasterKey fromBase64(String text, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw refused(source, "is not base64");
        }
        if (bytes.length != BYTES) {
            throw refused(source, "decodes to " + bytes.length + " bytes, not " + BYTES);
        }
        return new MasterKey(bytes);
    }

    private static StrataException refused(String source, String why) {
        return new StrataException(ErrorCode.BAD_INPUT, "the master key in " + source + " " + why
                + ": a master key is the base64 of " + BYTES + " random bytes (for example the output of"
                + " `openssl rand -base64 32`)");
    }

    private static String idOf(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The key's id: 8 lower-case hex digits. */
    public String id() {
        return id;
    }

    SecretKey secretKey() {
        return key;
    }

    /** The key as base64 text, for writing it to the key file it was generated for. */
    String base64() {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Names the key by its id only. */
    @Override
    public String toString() {
        return "master key " + id;
    }
}
