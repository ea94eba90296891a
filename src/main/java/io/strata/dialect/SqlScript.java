package io.strata.dialect;

/**
 * A SqlScript is the text of one SQL file and the name to cite in errors.
 *
 * @param name file path or another label shown to the user
 * @param text the SQL
 */
public record SqlScript(String name, String text) {
}
