package io.strata.compat.relational;

import io.strata.compat.Finding;
import io.strata.model.change.SchemaChange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A RuleCase is one rule's test data: a change that must produce the rule's code, and a near miss (a
 * similar change) that must not.
 */
record RuleCase(String code, String dialect, SchemaChange hit, SchemaChange nearMiss) {

    static RuleCase pg(String code, SchemaChange hit, SchemaChange nearMiss) {
        return new RuleCase(code, Fixtures.PG, hit, nearMiss);
    }

    static RuleCase mysql(String code, SchemaChange hit, SchemaChange nearMiss) {
        return new RuleCase(code, Fixtures.MYSQL, hit, nearMiss);
    }

    static List<String> codes(String dialect, SchemaChange change) {
        return RelationalRules.classify(dialect, List.of(change)).stream().map(Finding::code).toList();
    }

    /** Asserts the hit yields the code with the rule's effects and a message naming the object, and the near miss does not. */
    void verify() {
        List<Finding> findings = RelationalRules.classify(dialect, List.of(hit));
        assertThat(findings).extracting(Finding::code).as("codes for %s", hit).contains(code);
        Rule rule = RuleCatalog.byCode(code);
        Finding finding = findings.stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
        assertThat(finding.effects()).isEqualTo(rule.effects());
        assertThat(finding.location()).isEqualTo(hit.location());
        assertThat(finding.message()).contains("\"" + hit.location() + "\"");
        assertThat(finding.why()).isEqualTo(rule.why());
        assertThat(finding.recipe()).isEqualTo(rule.recipe());
        assertThat(codes(dialect, nearMiss)).as("codes for near miss %s", nearMiss).doesNotContain(code);
    }

    @Override
    public String toString() {
        return code + " (" + dialect + ")";
    }
}
