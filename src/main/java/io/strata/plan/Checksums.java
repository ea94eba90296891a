package io.strata.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Checksums are the SHA-256 digests Strata records: of a migration's statements (algorithm
 * {@value #ALGORITHM}: whitespace runs collapsed to one space, statements joined by a newline),
 * so reformatting a file does not change it but editing a statement does.
 */
public final class Checksums {

    /** The version of the statement normalization, recorded beside every checksum. */
    public static final int ALGORITHM = 1;

    private Checksums() {
    }

    public static String ofStatements(List<String> statements) {
        return sha256(String.join("\n", statements.stream().map(Checksums::normalize).toList()));
    }

    public static String ofStatement(String statement) {
        return sha256(normalize(statement));
    }

    public static String normalize(String statement) {
        return statement.strip().replaceAll("\\s+", " ");
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    /** A fresh SHA-256 digest, for callers that feed it piece by piece. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
