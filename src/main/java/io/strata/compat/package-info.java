/**
 * Compatibility: the four client roles, their effects, the levels and the two directions they ask, and
 * {@link io.strata.compat.Levels}, which applies a level to a version's history by composing a format's
 * primitive. Format-specific rules live in subpackages ({@code compat.relational}); this package knows
 * nothing of SQL, JDBC or the differ.
 */
package io.strata.compat;
