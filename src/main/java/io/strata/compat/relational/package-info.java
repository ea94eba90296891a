/**
 * Relational compatibility rules: each {@link io.strata.model.change.SchemaChange} is classified by its
 * effect on the four client roles. Rules are data ({@link io.strata.compat.relational.Rule}) registered once
 * in the {@link io.strata.compat.relational.RuleCatalog}; one class per rule family decides which apply.
 */
package io.strata.compat.relational;
