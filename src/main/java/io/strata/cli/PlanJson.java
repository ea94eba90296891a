package io.strata.cli;

import io.strata.source.PlanFile;
import io.strata.app.PlanMigration;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.Reverse;
import io.strata.plan.Step;

import java.util.LinkedHashMap;
import java.util.Map;

/** PlanJson is the JSON shape of a plan: its flags, then phases of steps with SQL, reverse and lock impact. */
final class PlanJson {

    private PlanJson() {
    }

    static Map<String, Object> of(PlanMigration.Result result) {
        MigrationPlan plan = result.plan();
        Map<String, Object> json = new LinkedHashMap<>();
        // The output is a plan file too: "strata apply plan.json" runs exactly these statements.
        json.putAll(PlanFile.of(result.from().catalog(), result.to().catalog(), plan).json());
        json.put("from", result.from().label());
        json.put("to", result.to().label());
        json.put("dialect", plan.dialect());
        json.put("serverVersion", plan.serverVersion());
        json.put("reversible", plan.reversible());
        json.put("transactional", plan.transactional());
        json.put("phases", plan.phases().stream().map(PlanJson::phase).toList());
        return json;
    }

    private static Map<String, Object> phase(Phase phase) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", phase.kind().name());
        json.put("transactional", phase.transactional());
        json.put("deployAfter", phase.deployAfter());
        json.put("steps", phase.steps().stream().map(PlanJson::step).toList());
        return json;
    }

    private static Map<String, Object> step(Step step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("description", step.description());
        json.put("sql", step.sql());
        if (step.reverse() instanceof Reverse.Sql sql) {
            json.put("reverse", sql.statements());
        } else if (step.reverse() instanceof Reverse.Irreversible irreversible) {
            json.put("irreversible", irreversible.reason());
        }
        json.put("transactional", step.transactional());
        // Ordered maps: Map.of iterates in an order that changes from one run to the next, and a plan written
        // with --format json is compared and reviewed as a file.
        Map<String, Object> lock = new LinkedHashMap<>();
        lock.put("level", step.lock().lock());
        lock.put("rewrite", step.lock().rewrite());
        lock.put("scan", step.lock().scan());
        json.put("lock", lock);
        Map<String, Object> change = null;
        if (step.source() != null) {
            change = new LinkedHashMap<>();
            change.put("type", step.source().getClass().getSimpleName());
            change.put("location", step.source().location());
        }
        json.put("change", change);
        return json;
    }
}
