package io.strata.app;

import io.strata.source.Catalogs;
import io.strata.source.LoadedSource;
import io.strata.source.SourceLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.strata.compat.Finding;
import io.strata.compat.Role;
import io.strata.compat.relational.RelationalRules;
import io.strata.diff.Differ;
import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.dialect.SqlScript;
import io.strata.error.StrataException;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.PhaseKind;
import io.strata.plan.Step;
import io.strata.migrate.MigrationFile;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * LintMigration is the use case behind {@code strata lint}: plan from one schema to another, run the
 * lint analyzers over the plan, and add the compatibility findings that break old clients as
 * backward-incompatible diagnostics (the plan layer does not know the compatibility rules).
 */
public final class LintMigration {

    /** The file read from the working directory when no {@code --config} is given, if it exists. */
    private static final Path DEFAULT_CONFIG = Path.of("strata.yaml");

    /**
     * The report and the plan it is about.
     *
     * @param statements for a migration file, its statements with the lines they start on; empty for FROM TO
     */
    public record Result(PlanMigration.Result planned, LintReport report, List<MigrationFileStatements.FileStatement> statements) {

        public Result {
            statements = List.copyOf(statements);
        }

        /**
         * The line of the migration file's statement a diagnostic is about, or empty. Steps are compared by identity:
         * two statements with the same text on different lines are different statements.
         */
        public OptionalInt lineOf(Diagnostic diagnostic) {
            return statements.stream().filter(s -> s.step() == diagnostic.step()).mapToInt(MigrationFileStatements.FileStatement::line)
                    .findFirst();
        }
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
        PlanMigration.Result planned = new PlanMigration(loader).run(from, to, serverVersion);
        return new Result(planned, lint(planned, config, Map.of()), List.of());
    }

    /**
     * Lints a hand-written migration file: its statements are the plan. The schema it starts from is
     * {@code base} (a source), else the files of its directory with lower versions (a Flyway directory),
     * else an empty database; the changes it makes are the diff from that schema to the one after it.
     */
    public Result runFile(String file, String base, String serverVersion, Path config) {
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            throw StrataException.badInput("no such file: \"" + file + "\"");
        }
        if (!Files.isRegularFile(path) || !path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) {
            throw StrataException.badInput("lint with one argument lints a migration file: \"" + file
                    + "\" is not a .sql file (give FROM and TO to lint the migration between two schemas)");
        }
        SqlScript migration = SourceLoader.sqlScripts(path).get(0);
        LoadedSource before = base != null ? loader.load(base) : loader.replay("the files before " + file, earlierFiles(path));
        List<SqlScript> all = new ArrayList<>(before.scripts());
        if (base != null && before.scripts().isEmpty()) {
            // A live database or a model file: its schema, rendered, is what the migration runs on.
            Dialect dialect = Dialects.byName(before.catalog().dialect());
            all.add(new SqlScript(base, String.join(";\n", dialect.renderer().createStatements(before.catalog())) + ";\n"));
        }
        all.add(migration);
        LoadedSource after = loader.replay(file, all);
        Catalogs.requireSameDialect(before, after);
        Dialect dialect = Dialects.byName(after.catalog().dialect());
        List<SchemaChange> changes = Differ.diff(before.catalog(), after.catalog());
        String version = serverVersion != null ? serverVersion : after.catalog().serverVersion();
        List<MigrationFileStatements.FileStatement> statements = MigrationFileStatements.of(migration, dialect, changes, before.catalog());
        MigrationPlan plan = new MigrationPlan(dialect.name(), version,
                List.of(new Phase(PhaseKind.EXPAND, statements.stream().map(MigrationFileStatements.FileStatement::step).toList(), null)));
        PlanMigration.Result planned = new PlanMigration.Result(before, new LoadedSource(file, after.catalog(), List.of(migration)),
                changes, plan);
        Map<SchemaChange, Step> madeBy = new HashMap<>();
        statements.forEach(s -> s.changes().forEach(c -> madeBy.put(c, s.step())));
        return new Result(planned, lint(planned, config, madeBy), statements);
    }

    /** The migration files of {@code file}'s directory that run before it, when it is one of them. */
    private static List<SqlScript> earlierFiles(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        List<MigrationFile> files = MigrationFile.list(dir);
        int self = files.stream().map(MigrationFile::name).toList().indexOf(file.getFileName().toString());
        if (self < 0) {
            return List.of();
        }
        return files.subList(0, self).stream()
                .map(f -> new SqlScript(dir.resolve(f.name()).toString(), f.content())).toList();
    }

    /** @param madeBy for a migration file, the statement that made each change (see {@link LintPass}) */
    private LintReport lint(PlanMigration.Result planned, Path config, Map<SchemaChange, Step> madeBy) {
        LintSettings settings = settings(config).withSuppressions(suppressions(planned.to().scripts()));
        MigrationPlan plan = planned.plan();
        List<SchemaChange> changes = planned.changes();
        LintPass pass = new LintPass(plan, planned.from().catalog(), planned.to().catalog(), changes, madeBy);
        List<Diagnostic> incompatible = RelationalRules.classify(plan.dialect(), changes).stream()
                .filter(f -> f.breaksAny(OLD_CLIENTS))
                .map(f -> backwardIncompatible(f, pass))
                .toList();
        return Linter.lint(pass, settings, incompatible);
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
        LintRule rule = BackwardIncompatibleRules.of(c);
        String location = f.location() != null ? f.location() : c.location();
        return rule.at(location, f.message() + " (" + f.code() + ")", pass.firstStepOf(c));
    }
}
