package io.strata.compat.protobuf;

/**
 * Strictness is how much of a Protobuf schema must stay the same, loosest first, named after Buf's
 * breaking-change categories: {@code WIRE} keeps the binary encoding readable, {@code WIRE_JSON} also the
 * JSON encoding, {@code PACKAGE} also the generated code of a package (types may move between files),
 * {@code FILE} also the generated code of each file (options, file layout).
 *
 * <p>Each stricter level includes the checks of the looser ones; some rules judge differently per level
 * (a type change from {@code int32} to {@code int64} is fine on the wire but not for generated code).
 */
public enum Strictness {
    WIRE,
    WIRE_JSON,
    PACKAGE,
    FILE;

    /** Whether this level includes the checks of {@code other}. */
    public boolean atLeast(Strictness other) {
        return compareTo(other) >= 0;
    }
}
