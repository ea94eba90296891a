package io.strata.compat.relational;

import io.strata.compat.Effect;
import io.strata.compat.Effects;
import io.strata.compat.Role;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog against its documentation and its tests. {@code docs/compatibility.md} holds the rule table
 * between two markers; run with {@code -Dstrata.updateGolden=true} to rewrite it from the catalog.
 */
class RuleCatalogTest {

    private static final Path DOCS = Path.of("docs/compatibility.md");
    private static final String BEGIN = "<!-- rule table: generated from RuleCatalog by RuleCatalogTest -->";
    private static final String END = "<!-- end of rule table -->";

    /** Every rule case of every family test. */
    static List<RuleCase> allCases() {
        return Stream.of(RelationalRulesColumnTypeTest.cases(), RelationalRulesNullabilityTest.cases(),
                        RelationalRulesGenerationTest.cases(), RelationalRulesConstraintTest.cases(),
                        RelationalRulesDropRenameTest.cases(), RelationalRulesAdditionTest.cases(),
                        RelationalRulesEnumTest.cases(), RelationalRulesIndexAndOptionsTest.cases(),
                        RelationalRulesObjectTest.cases(), RelationalRulesDefinedObjectTest.cases())
                .flatMap(List::stream).toList();
    }

    @Test
    void everyRuleIsProducedByATestCase() {
        Set<String> produced = allCases().stream()
                .filter(c -> RuleCase.codes(c.dialect(), c.hit()).contains(c.code()))
                .map(RuleCase::code)
                .collect(Collectors.toSet());

        assertThat(produced).containsExactlyInAnyOrderElementsOf(codes());
    }

    @Test
    void everyRuleIsDocumented() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);

        assertThat(codes()).allSatisfy(code -> assertThat(docs).contains("| `" + code + "` |"));
    }

    @Test
    void theDocumentedTableIsTheCatalog() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        int begin = docs.indexOf(BEGIN);
        int end = docs.indexOf(END);
        assertThat(begin).as("marker in %s", DOCS).isNotNegative();
        assertThat(end).as("marker in %s", DOCS).isGreaterThan(begin);
        String expected = BEGIN + "\n" + table() + END;
        if (Boolean.getBoolean("strata.updateGolden")) {
            Files.writeString(DOCS, docs.substring(0, begin) + expected + docs.substring(end + END.length()), StandardCharsets.UTF_8);
            return;
        }
        assertThat(docs.substring(begin, end + END.length()))
                .as("rule table in %s; rerun with -Dstrata.updateGolden=true to regenerate", DOCS)
                .isEqualTo(expected);
    }

    @Test
    void codesAreUpperSnakeAndEveryRuleIsComplete() {
        assertThat(RuleCatalog.all()).allSatisfy(rule -> {
            assertThat(rule.code()).matches("[A-Z][A-Z0-9_]*");
            assertThat(rule.effects().keySet()).containsExactly(Role.values());
            assertThat(List.of(rule.title(), rule.description(), rule.why(), rule.recipe(), rule.message())).allSatisfy(
                    text -> assertThat(text).isNotBlank().doesNotContain("|").doesNotContain("TODO"));
            assertThat(rule.message()).contains("\"{location}\"");
        });
    }

    @Test
    void aCodeRegisteredTwiceIsRefused() {
        Rule rule = RuleCatalog.byCode("COLUMN_DROPPED");

        assertThatThrownBy(() -> RuleCatalog.register(List.of(rule, rule)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("COLUMN_DROPPED");
    }

    @Test
    void anUnknownCodeIsBadInput() {
        assertThatThrownBy(() -> RuleCatalog.byCode("NO_SUCH_RULE"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessageContaining("\"NO_SUCH_RULE\"");
    }

    private static List<String> codes() {
        return RuleCatalog.all().stream().map(Rule::code).toList();
    }

    /** The markdown rule table, one row per rule in catalog order. */
    static String table() {
        StringBuilder out = new StringBuilder();
        out.append("| code | detects | OR | OW | NR | NW | why | recipe |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Rule rule : RuleCatalog.all()) {
            out.append("| `").append(rule.code()).append("` | ").append(rule.description());
            for (Role role : Role.values()) {
                out.append(" | ").append(cell(rule.effects().get(role)));
            }
            out.append(" | ").append(rule.why()).append(" | ").append(rule.recipe()).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(Effect effect) {
        return effect == Effect.BREAKS ? "**breaks**" : effect.label();
    }

    @Test
    void effectsAbbreviateInRoleOrder() {
        assertThat(Effects.abbreviate(RuleCatalog.byCode("COLUMN_DROPPED").effects()))
                .isEqualTo("OR breaks, OW breaks, NR ok, NW ok");
    }
}
