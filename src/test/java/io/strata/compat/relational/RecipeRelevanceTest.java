package io.strata.compat.relational;

import io.strata.compat.Finding;
import io.strata.model.change.SchemaChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each recipe belongs to its rule: the advice a finding gives about a column's type change names no type that the
 * change does not involve (a {@code varchar(10) -> varchar(20)} widening is not told that int to bigint rewrites
 * the table), and no rule's text names a document of the team's own.
 */
class RecipeRelevanceTest {

    /** Type names a recipe could mention by mistake; English words that are also types (set, time) are left out. */
    private static final Pattern TYPE_WORD = Pattern.compile("(?i)\\b(tinyint|smallint|mediumint|bigint|int|integer|"
            + "varchar|char|character|tinytext|mediumtext|longtext|text|numeric|decimal|real|double|float|timestamptz|"
            + "timestamp|datetime|jsonb|json|boolean|uuid|bytea|varbinary|binary|blob|enum|interval|unsigned)\\b");

    /** Words that name the same type, so that a recipe saying "int" fits a change of "integer". */
    private static final Map<String, String> ALIASES = Map.of("integer", "int", "character", "char",
            "varchar", "char", "decimal", "numeric", "timestamptz", "timestamp", "double", "float", "real", "float");

    static List<TypeFitPairs.Pair> pairs() {
        return TypeFitPairs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void aTypeChangesRecipesNameOnlyItsTypes(TypeFitPairs.Pair p) {
        SchemaChange change = Fixtures.retype(p.from(), p.to());
        Set<String> involved = words(p.from().sql() + " " + p.to().sql());
        List<Finding> findings = RelationalRules.classify(p.dialect(), List.of(change));

        assertThat(findings).isNotEmpty();
        assertThat(findings).allSatisfy(f -> assertThat(words(f.recipe()))
                .as("recipe of %s for %s: %s", f.code(), p, f.recipe())
                .isSubsetOf(involved));
    }

    @Test
    void aWideningOfAStringIsNotToldAboutIntegers() {
        Finding widened = RelationalRules.classify(Fixtures.PG,
                List.of(Fixtures.retype(Types.varchar(10), Types.varchar(20)))).get(0);

        assertThat(widened.code()).isEqualTo("COLUMN_TYPE_WIDENED");
        assertThat(widened.recipe()).doesNotContainIgnoringCase("bigint").doesNotContainIgnoringCase("int to");
    }

    @Test
    void noRuleNamesAnInternalDocument() {
        assertThat(RuleCatalog.all()).allSatisfy(rule -> assertThat(String.join(" ", rule.title(), rule.description(),
                rule.recipe(), rule.why(), rule.message()))
                .as(rule.code())
                .doesNotContainIgnoringCase("seed")
                .doesNotContainIgnoringCase("design.md")
                .doesNotContainPattern("(?i)\\bissue\\s*#?\\d"));
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = TYPE_WORD.matcher(text);
        while (m.find()) {
            String word = m.group(1).toLowerCase(Locale.ROOT);
            out.add(ALIASES.getOrDefault(word, word));
        }
        return out;
    }
}
