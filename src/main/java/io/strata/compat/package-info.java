/**
 * Compatibility: the four client roles, their effects, the levels composed from them, and the checker
 * that applies a level to a version's history. Format-specific rules live in subpackages
 * ({@code compat.relational}); this package knows nothing of SQL, JDBC or the differ.
 */
package io.strata.compat;
