package io.strata.model;

import java.util.Objects;

/**
 * A Collation is a PostgreSQL collation created in a user schema ({@code CREATE COLLATION}), with the
 * settings that recreate it. The collation version is left out: it names the ICU or C library release
 * the server was built with, so it differs between servers that run the same DDL.
 *
 * @param provider      {@code libc}, {@code icu} or {@code builtin} (PostgreSQL 17+)
 * @param locale        the ICU or builtin locale ({@code en-u-kn-true}), or null for libc
 * @param lcCollate     libc LC_COLLATE, or null for the other providers
 * @param lcCtype       libc LC_CTYPE, or null for the other providers
 * @param deterministic false when strings that compare equal may differ byte-wise (case- or accent-insensitive)
 * @param rules         ICU tailoring rules (PostgreSQL 16+), or null
 * @param comment       collation comment, or null
 */
public record Collation(String name, String provider, String locale, String lcCollate, String lcCtype,
                        boolean deterministic, String rules, String comment) {
    public Collation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider of collation " + name);
    }
}
