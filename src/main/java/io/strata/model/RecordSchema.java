package io.strata.model;

import java.util.Objects;

/**
 * A RecordSchema is the envelope of one version of a message schema, whatever its format: where it came
 * from, its canonical form (formatting and key order removed, so equal schemas print the same) and a
 * fingerprint of that form, which identifies the version across files and registries.
 *
 * @param label       where it came from (a file name), for messages
 * @param canonical   the format's canonical text
 * @param fingerprint the format's fingerprint of {@code canonical}, as lower-case hex
 */
public record RecordSchema(RecordFormat format, String label, String canonical, String fingerprint) {
    public RecordSchema {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(canonical, "canonical form of " + label);
        Objects.requireNonNull(fingerprint, "fingerprint of " + label);
    }

    /** The envelope of {@code canonical}, fingerprinted as every format's is: SHA-256 of the text, lower-case hex. */
    public static RecordSchema of(RecordFormat format, String label, String canonical) {
        return new RecordSchema(format, label, canonical, Sha256.hex(canonical));
    }
}
