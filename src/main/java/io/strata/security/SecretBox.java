package io.strata.security;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SecretBox seals secrets for storage and opens them again: AES-256-GCM under the current {@link MasterKey}, a
 * fresh random 12-byte IV per value, stored as {@code v1:<keyId>:<base64(iv || ciphertext with tag)>}. Older keys
 * open what they sealed, so a key can be rotated; the value's context (what it belongs to, such as
 * {@code webhook/3}) is authenticated with it, so a sealed value moved to another row does not open there.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final Pattern SEALED = Pattern.compile("v1:([0-9a-f]{8}):([A-Za-z0-9+/]+={0,2})");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey current;
    private final Map<String, MasterKey> keys = new LinkedHashMap<>();

    /** A box sealing under {@code current} and opening what {@code current} or any of {@code older} sealed. */
    public SecretBox(MasterKey current, List<MasterKey> older) {
        this.current = Objects.requireNonNull(current, "current");
        keys.put(current.id(), current);
        older.forEach(k -> keys.putIfAbsent(k.id(), k));
    }

    /** The id of the key new values are sealed under. */
    public String currentKeyId() {
        return current.id();
    }

    /** The ids of every key this box opens with, the current one first. */
    public List<String> keyIds() {
        return List.copyOf(keys.keySet());
    }

    /** {@code plaintext} sealed under the current key, bound to {@code context}. */
    public String seal(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, current, iv, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + current.id() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has AES-GCM", e);
        }
    }

    /**
     * The plaintext of a value {@link #seal} made for {@code context}. A value sealed under a key this box does not
     * hold, or altered since, is refused with a message naming {@code context} and the key id, never any plaintext.
     */
    public String open(String stored, String context) {
        Matcher m = SEALED.matcher(stored == null ? "" : stored);
        if (!m.matches()) {
            throw new StrataException(ErrorCode.INTERNAL, "the stored secret of " + context + " is not a sealed value");
        }
        MasterKey key = keys.get(m.group(1));
        if (key == null) {
            throw new StrataException(ErrorCode.NOT_CONFIGURED, "the secret of " + context + " is sealed under master key "
                    + m.group(1) + ", which this server does not hold (it holds " + String.join(", ", keys.keySet())
                    + "); give that key as STRATA_MASTER_KEY_PREVIOUS or as an extra line of the key file");
        }
        byte[] bytes = Base64.getDecoder().decode(m.group(2));
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new StrataException(ErrorCode.INTERNAL, "the stored secret of " + context + " is too short to be sealed");
        }
        try {
            byte[] iv = Arrays.copyOfRange(bytes, 0, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, iv, context);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new StrataException(ErrorCode.INTERNAL, "the stored secret of " + context + " fails its integrity check"
                    + " under master key " + key.id() + ": it was altered, or sealed for something else");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has AES-GCM", e);
        }
    }

    /** Whether {@code stored} has the sealed form (under any key); a value that does not is plaintext. */
    public static boolean isSealed(String stored) {
        return stored != null && SEALED.matcher(stored).matches();
    }

    /** Whether {@code stored} should be sealed again: it is plaintext, or sealed under an older key this box holds. */
    public boolean needsResealing(String stored) {
        Matcher m = SEALED.matcher(stored == null ? "" : stored);
        return !m.matches() || !m.group(1).equals(current.id()) && keys.containsKey(m.group(1));
    }

    private static Cipher cipher(int mode, MasterKey key, byte[] iv, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
        // The version and key id are authenticated too, so neither can be swapped under a value.
        cipher.updateAAD((VERSION + ":" + key.id() + ":" + context).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
