package io.strata.model;

/**
 * A Check constraint.
 *
 * @param expression the condition as the server prints it (without the CHECK keyword)
 * @param noInherit  PostgreSQL {@code NO INHERIT}
 */
public record Check(String name, String expression, boolean noInherit) {
}
