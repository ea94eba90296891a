package io.strata.registry;

import io.strata.model.Catalog;

/**
 * A ReplayedSchema is a SQL version's model as a server of one version prints it, with a warning when no server of
 * that major was at hand and the SQL was replayed on another: what a comparison with a live database then reports
 * may include differences only in how the two servers print the same view or default.
 *
 * @param warning one line naming the version, the server it was replayed on and how to get the right one; or null
 */
public record ReplayedSchema(Catalog catalog, String warning) {
}
