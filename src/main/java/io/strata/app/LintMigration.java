package io.strata.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.strata.compat.Finding;
import io.strata.compat.Role;
import io.strata.compat.relational.RelationalRules;
import io.strata.dialect.SqlScript;
import io.strata.error.StrataException;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.plan.lint.BackwardIncompatibleRules;
import io.strata.plan.lint.Diagnostic;
import io.strata.plan.lint.LintPass;
import io.strata.plan.lint.LintReport;
import io.strata.plan.lint.LintRule;
import io.strata.plan.lint.LintRules;
import io.strata.plan.lint.LintSettings;
import io.strata.plan.lint.Linter;
import io.strata.plan.lint.Suppressions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LintMigration is the use case behind {@code strata lint}: plan from one schema to another, run the
 * lint analyzers over the plan, and add the compatibility findings that break old clients as
 * backward-incompatible diagnostics (the plan layer does not know the compatibility rules).
 */
public final class LintMigration {

    /** The file read from the working directory when no {@code --config} is given, if it exists. */
    private static final Path DEFAULT_CONFIG = Path.of("strata.yaml");

    /** The report and the plan it is about. */
    public record Result(PlanMigration.Result planned, LintReport report) {
    }

    private static final Set<Role> OLD_CLIENTS = Set.of(Role.OLD_READER, Role.OLD_WRITER);

    private final SourceLoader loader;
    private final LintRules rules = LintRules.standard();

    public LintMigration(SourceLoader loader) {
        this.loader = loader;
    }

    /**
     * {@code config} null: {@code strata.yaml} of the working directory when there is one;
     * {@code serverVersion} null: the version of the server {@code from} was inspected on.
     */
    public Result run(String from, String to, String serverVersion, Path config) {
        LintSettings loaded = settings(config);
        PlanMigration.Result planned = new PlanMigration(loader).run(from, to, serverVersion);
        LintSettings settings = loaded.withSuppressions(suppressions(planned.to().scripts()));
        MigrationPlan plan = planned.plan();
        List<SchemaChange> changes = planned.changes();
        LintPass pass = new LintPass(plan, planned.from().catalog(), planned.to().catalog(), changes);
        List<Diagnostic> incompatible = RelationalRules.classify(plan.dialect(), changes).stream()
                .filter(f -> f.breaksAny(OLD_CLIENTS))
                .map(f -> backwardIncompatible(f, pass))
                .toList();
        return new Result(planned, Linter.lint(pass, settings, incompatible));
    }

    private LintSettings settings(Path config) {
        Path file = config != null ? config : DEFAULT_CONFIG;
        if (config == null && !Files.isRegularFile(file)) {
            return LintSettings.DEFAULTS;
        }
        if (!Files.isRegularFile(file)) {
            throw StrataException.badInput("no such configuration file: \"" + file + "\"");
        }
        try {
            Object parsed = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
            if (parsed != null && !(parsed instanceof Map)) {
                throw StrataException.badInput("\"" + file + "\": expected a mapping at the top");
            }
            return LintSettings.fromConfig((Map<?, ?>) parsed, rules);
        } catch (IOException e) {
            throw StrataException.badInput("cannot read \"" + file + "\": " + e.getMessage());
        }
    }

    /** The {@code strata:nolint} comments of every .sql file of the desired schema's source. */
    private Suppressions suppressions(List<SqlScript> scripts) {
        Suppressions all = Suppressions.NONE;
        for (SqlScript script : scripts) {
            all = all.and(Suppressions.parse(script.text(), script.name(), rules));
        }
        return all;
    }

    /** The backward-incompatible code of a compatibility finding, chosen by the kind of change. */
    private static Diagnostic backwardIncompatible(Finding f, LintPass pass) {
        SchemaChange c = f.change();
        LintRule rule;
        if (c instanceof SchemaChange.RenameTable || c instanceof SchemaChange.RenameColumn
                || c instanceof SchemaChange.RenameView) {
            rule = BackwardIncompatibleRules.RENAMED;
        } else if (c.getClass().getSimpleName().startsWith("Drop")) {
            rule = BackwardIncompatibleRules.DROPPED;
        } else if (c instanceof SchemaChange.ModifyColumn m && m.kinds().contains(ColumnChangeKind.TYPE)) {
            rule = BackwardIncompatibleRules.TYPE_CHANGED;
        } else if (c instanceof SchemaChange.AddColumn || c instanceof SchemaChange.ModifyColumn m
                && (m.kinds().contains(ColumnChangeKind.NULLABILITY) || m.kinds().contains(ColumnChangeKind.DEFAULT))) {
            rule = BackwardIncompatibleRules.REQUIRED_FOR_OLD_WRITERS;
        } else {
            rule = BackwardIncompatibleRules.OTHER;
        }
        String location = f.location() != null ? f.location() : c.location();
        return rule.at(location, f.message() + " (" + f.code() + ")", pass.firstStepOf(c));
    }
}
