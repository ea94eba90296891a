package io.strata.dialect;

/** A Quoter is the one place a dialect quotes identifiers and string literals, escaping the quote character. */
public interface Quoter {

    /** {@code orders} becomes {@code "orders"} (PostgreSQL) or {@code `orders`} (MySQL); embedded quotes are doubled. */
    String ident(String name);

    /** A qualified name, each part quoted: {@code "public"."orders"}. */
    default String qualified(String schema, String name) {
        return schema == null || schema.isEmpty() ? ident(name) : ident(schema) + "." + ident(name);
    }

    /** A string literal: {@code it's} becomes {@code 'it''s'}. */
    default String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
