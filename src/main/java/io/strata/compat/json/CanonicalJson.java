package io.strata.compat.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * CanonicalJson is the canonical text of a JSON value: object keys sorted, no insignificant whitespace, so
 * two files that differ only in formatting or key order print, and fingerprint, the same.
 */
final class CanonicalJson {

    /**
     * ORDER_MAP_ENTRIES_BY_KEYS sorts maps, not tree nodes, so the tree is converted to plain maps and lists
     * first; numbers stay as Jackson read them, so {@code 1} and {@code 1.0} remain different texts.
     */
    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CanonicalJson() {
    }

    static String of(JsonNode tree) {
        try {
            return SORTED.writeValueAsString(SORTED.convertValue(tree, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serializes", e);
        }
    }

    static String sha256Hex(String canonical) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
