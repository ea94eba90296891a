package io.strata.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SchemaPairGenerator is a synthetic PostgreSQL schema pair for diff tests: a base schema ({@code a.sql})
 * of N tables, a copy ({@code b.sql}) with about 5% of its tables changed, 0.5% dropped and 0.5% added,
 * and the ground truth of what changed, one line per step in the {@code changes.txt} format that
 * {@code io.strata.bench.ExpectedChanges} reads.
 *
 * <p>It builds the same kind of schema as {@code ../shared/bench/gen_schema.py} (10-20 columns of mixed
 * types per table, a primary key, 1-3 indexes, some unique or partial, foreign keys to earlier tables,
 * checks, identity ids) so that tests need neither python3 nor {@code ../shared}; the output is not
 * byte-identical to it, which is why the benchmarks keep using gen_schema.py. The output depends only on
 * the table count and the seed ({@link Random}'s sequence is fixed by its specification).
 */
public final class SchemaPairGenerator {

    /** The base schema, the changed schema, and the ground-truth lines ({@code "t00012: drop column qty_4"}). */
    public record SchemaPair(String aSql, String bSql, List<String> changes) {
    }

    /** A column type and the default a column of it may get ({@code null}: never gets one). */
    private record Type(String name, String defaultValue) {
    }

    private static final List<Type> TYPES = List.of(
            new Type("integer", "0"), new Type("bigint", "0"), new Type("smallint", "0"), new Type("text", "''"),
            new Type("varchar", "''"), new Type("numeric", "0"), new Type("boolean", "false"),
            new Type("timestamptz", "now()"), new Type("date", "CURRENT_DATE"), new Type("jsonb", "'{}'::jsonb"),
            new Type("uuid", null), new Type("double precision", "0"), new Type("bytea", null),
            new Type("char(2)", null));

    private static final List<String> WORDS = List.of("name", "code", "amount", "status", "created", "updated",
            "price", "qty", "note", "flag", "ref", "label", "kind", "score", "payload", "hash", "country", "email",
            "city", "total", "rate", "owner", "level", "tag", "version");
    private static final List<String> NUMERIC = List.of("integer", "bigint", "smallint", "numeric", "double precision");
    private static final List<String> WIDENABLE = List.of("integer", "smallint", "varchar", "numeric", "text");

    /** The kinds of change made to an existing table. */
    private enum Step { ADD_COLUMN, DROP_COLUMN, ALTER_TYPE, ADD_INDEX, DROP_INDEX, NULLABILITY, DEFAULT }

    /** Steps drawn at random, weighted as gen_schema.py weighs them (adding columns and type changes twice as often). */
    private static final List<Step> WEIGHTED = List.of(Step.ADD_COLUMN, Step.ADD_COLUMN, Step.DROP_COLUMN,
            Step.ALTER_TYPE, Step.ALTER_TYPE, Step.ADD_INDEX, Step.DROP_INDEX, Step.NULLABILITY, Step.DEFAULT);

    private static final class Column {
        String name;
        String type;
        int length;
        int precision;
        int scale;
        boolean notNull;
        String dflt;
        boolean identity;

        Column copy() {
            Column c = new Column();
            c.name = name;
            c.type = type;
            c.length = length;
            c.precision = precision;
            c.scale = scale;
            c.notNull = notNull;
            c.dflt = dflt;
            c.identity = identity;
            return c;
        }

        String sqlType() {
            return switch (type) {
                case "varchar" -> "varchar(" + length + ")";
                case "numeric" -> "numeric(" + precision + "," + scale + ")";
                default -> type;
            };
        }
    }

    private record ForeignKey(String name, String column, String ref, String onDelete) {
    }

    private record Check(String name, String expression, String column) {
    }

    private record Index(String name, List<String> columns, boolean unique, String where) {
    }

    private static final class Table {
        final String name;
        final List<Column> columns = new ArrayList<>();
        final List<ForeignKey> fks = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        /** Every column and index name the table has had, so a new one never reuses a dropped one's name. */
        final Set<String> used = new HashSet<>();

        Table(String name) {
            this.name = name;
        }

        Table copy() {
            Table t = new Table(name);
            columns.forEach(c -> t.columns.add(c.copy()));
            t.fks.addAll(fks);
            t.checks.addAll(checks);
            t.indexes.addAll(indexes);
            t.used.addAll(used);
            return t;
        }

        /** Columns a step may change: not the id, not a foreign key's column. */
        List<Column> plain() {
            return columns.subList(1, columns.size()).stream().filter(c -> !c.name.endsWith("_id")).toList();
        }

        List<Column> indexable() {
            return columns.subList(1, columns.size()).stream()
                    .filter(c -> !c.type.equals("jsonb") && !c.type.equals("bytea")).toList();
        }

        /** {@code prefix + n} for the first n from {@code from} that the table has never used. */
        String fresh(String prefix, int from) {
            int n = from;
            while (used.contains(prefix + n)) {
                n++;
            }
            used.add(prefix + n);
            return prefix + n;
        }
    }

    private final Random rnd;

    private SchemaPairGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    /** The pair for {@code tables} tables and {@code seed}, with 5% of the tables changed. */
    public static SchemaPair generate(int tables, long seed) {
        SchemaPairGenerator g = new SchemaPairGenerator(seed);
        List<Table> a = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            a.add(g.table(i, a.stream().map(t -> t.name).toList()));
        }
        List<String> log = new ArrayList<>();
        List<Table> b = g.mutate(a, 0.05, log);
        return new SchemaPair(sql(a), sql(b), List.copyOf(log));
    }

    // ---- the base schema

    private Table table(int i, List<String> existing) {
        Table t = new Table(String.format("t%05d", i));
        Column id = new Column();
        id.name = "id";
        id.type = "bigint";
        id.notNull = true;
        id.identity = chance(0.5);
        t.columns.add(id);
        t.used.add(id.name);
        int columns = between(10, 20);
        int fks = existing.isEmpty() || !chance(0.35) ? 0 : between(1, 2);
        for (int k = 0; k < fks; k++) {
            String ref = pick(existing);
            String name = ref + "_id";
            if (!t.used.add(name)) {
                continue;
            }
            Column c = new Column();
            c.name = name;
            c.type = "bigint";
            c.notNull = chance(0.5);
            t.columns.add(c);
            t.fks.add(new ForeignKey("fk_" + t.name + "_" + ref, name, ref,
                    pick(List.of("NO ACTION", "CASCADE", "SET NULL"))));
        }
        while (t.columns.size() < columns) {
            String name = pick(WORDS) + "_" + t.columns.size();
            if (t.used.add(name)) {
                t.columns.add(column(name));
            }
        }
        if (chance(0.35)) {
            List<Column> numeric = t.plain().stream().filter(c -> NUMERIC.contains(c.type)).toList();
            List<Column> text = t.plain().stream().filter(c -> c.type.equals("varchar") || c.type.equals("text")).toList();
            int checks = between(1, 2);
            for (int k = 0; k < checks; k++) {
                String checkName = "ck_" + t.name + "_" + k;
                if (!numeric.isEmpty() && (text.isEmpty() || chance(0.6))) {
                    Column c = pick(numeric);
                    t.checks.add(new Check(checkName, c.name + " >= 0", c.name));
                } else if (!text.isEmpty()) {
                    Column c = pick(text);
                    t.checks.add(new Check(checkName, "length(" + c.name + ") > 0", c.name));
                }
            }
        }
        int indexes = between(1, 3);
        for (int k = 0; k < indexes; k++) {
            t.indexes.add(index(t.fresh("ix_" + t.name + "_", k), t.indexable()));
        }
        for (ForeignKey fk : t.fks) {
            // foreign key columns are usually indexed
            if (chance(0.6)) {
                String name = "ix_" + t.name + "_" + fk.column();
                t.used.add(name);
                t.indexes.add(new Index(name, List.of(fk.column()), false, null));
            }
        }
        return t;
    }

    private Column column(String name) {
        Type type = pick(TYPES);
        Column c = new Column();
        c.name = name;
        c.type = type.name();
        if (c.type.equals("varchar")) {
            c.length = pick(List.of(16, 32, 64, 100, 255));
        } else if (c.type.equals("numeric")) {
            int[] ps = pick(List.of(new int[] {10, 2}, new int[] {12, 4}, new int[] {18, 6}));
            c.precision = ps[0];
            c.scale = ps[1];
        }
        if (type.defaultValue() != null && chance(0.3)) {
            c.dflt = type.defaultValue();
            c.notNull = chance(0.7);
        } else {
            c.notNull = chance(0.2);
        }
        return c;
    }

    private Index index(String name, List<Column> candidates) {
        List<Column> columns = sample(candidates, chance(0.6) ? 1 : 2);
        boolean unique = chance(0.15);
        String where = chance(0.1) ? columns.get(0).name + " IS NOT NULL" : null;
        return new Index(name, columns.stream().map(c -> c.name).toList(), unique, where);
    }

    // ---- the changed copy

    private List<Table> mutate(List<Table> a, double fraction, List<String> log) {
        List<Table> b = new ArrayList<>();
        a.forEach(t -> b.add(t.copy()));
        Set<String> referenced = b.stream().flatMap(t -> t.fks.stream()).map(ForeignKey::ref).collect(Collectors.toSet());
        int n = b.size();
        List<Table> changed = sample(b, (int) Math.max(1, Math.round(n * fraction)));
        for (int i = 0; i < changed.size(); i++) {
            int steps = between(1, 2);
            for (int s = 0; s < steps; s++) {
                // The first step of the first tables goes through every kind in turn, so each kind occurs
                // whenever seven tables or more change, whatever the seed; the rest are drawn at random.
                Step step = s == 0 && i < Step.values().length ? Step.values()[i] : pick(WEIGHTED);
                apply(changed.get(i), step, log);
            }
        }
        // drop ~0.5% of the tables no foreign key points at, add as many new ones
        int k = (int) Math.max(1, Math.round(n * 0.005));
        for (Table t : sample(b.stream().filter(t -> !referenced.contains(t.name)).toList(), k)) {
            b.remove(t);
            log.add(t.name + ": drop table");
        }
        List<String> existing = b.stream().map(t -> t.name).toList();
        for (int j = 0; j < k; j++) {
            Table t = table(n + j, existing);
            b.add(t);
            log.add(t.name + ": create table");
        }
        return b;
    }

    /** One step on {@code t}, logged; nothing when the table has nothing it applies to. */
    private void apply(Table t, Step step, List<String> log) {
        String at = t.name + ": ";
        List<Column> plain = t.plain();
        switch (step) {
            case ADD_COLUMN -> {
                Column c = column(t.fresh("added_", t.columns.size()));
                t.columns.add(c);
                log.add(at + "add column " + c.name + " " + c.sqlType());
            }
            case DROP_COLUMN -> {
                if (plain.isEmpty()) {
                    return;
                }
                Column c = pick(plain);
                t.columns.remove(c);
                // as PostgreSQL's DROP COLUMN does: the indexes and checks over the column go with it
                t.indexes.removeIf(ix -> ix.columns().contains(c.name));
                t.checks.removeIf(ck -> ck.column().equals(c.name));
                log.add(at + "drop column " + c.name);
            }
            case ALTER_TYPE -> {
                List<Column> candidates = plain.stream().filter(c -> WIDENABLE.contains(c.type)).toList();
                if (candidates.isEmpty()) {
                    return;
                }
                Column c = pick(candidates);
                String old = c.sqlType();
                switch (c.type) {
                    case "integer" -> c.type = "bigint";
                    case "smallint" -> c.type = "integer";
                    case "varchar" -> c.length *= 2;
                    case "numeric" -> c.precision += 2;
                    default -> {
                        c.type = "varchar";
                        c.length = 500;
                    }
                }
                log.add(at + "alter column " + c.name + " type " + old + " -> " + c.sqlType());
            }
            case ADD_INDEX -> {
                List<Column> candidates = t.indexable();
                if (candidates.isEmpty()) {
                    return;
                }
                Index ix = index(t.fresh("ix_" + t.name + "_new", t.indexes.size()), candidates);
                t.indexes.add(ix);
                log.add(at + "add index " + ix.name() + " (" + String.join(", ", ix.columns()) + ")");
            }
            case DROP_INDEX -> {
                if (t.indexes.isEmpty()) {
                    return;
                }
                Index ix = pick(t.indexes);
                t.indexes.remove(ix);
                log.add(at + "drop index " + ix.name());
            }
            case NULLABILITY -> {
                if (plain.isEmpty()) {
                    return;
                }
                Column c = pick(plain);
                c.notNull = !c.notNull;
                // Python's spelling of booleans: the format is gen_schema.py's
                log.add(at + "column " + c.name + " notnull -> " + (c.notNull ? "True" : "False"));
            }
            case DEFAULT -> {
                List<Column> candidates = plain.stream().filter(c -> defaultOf(c.type) != null).toList();
                if (candidates.isEmpty()) {
                    return;
                }
                Column c = pick(candidates);
                c.dflt = c.dflt != null ? null : defaultOf(c.type);
                log.add(at + "column " + c.name + " default -> " + (c.dflt == null ? "None" : c.dflt));
            }
        }
    }

    /** The default a default step sets on a column of {@code type}; {@code null} when it sets none. */
    private static String defaultOf(String type) {
        for (Type t : TYPES) {
            if (t.name().equals(type)) {
                return t.defaultValue();
            }
        }
        return null;
    }

    // ---- SQL

    private static String sql(List<Table> tables) {
        StringBuilder sb = new StringBuilder("SET client_min_messages = warning;\n");
        for (Table t : tables) {
            List<String> lines = new ArrayList<>();
            for (Column c : t.columns) {
                lines.add("    " + c.name + " " + c.sqlType()
                        + (c.identity ? " GENERATED BY DEFAULT AS IDENTITY" : "")
                        + (c.dflt != null ? " DEFAULT " + c.dflt : "")
                        + (c.notNull ? " NOT NULL" : ""));
            }
            lines.add("    CONSTRAINT pk_" + t.name + " PRIMARY KEY (id)");
            t.checks.forEach(ck -> lines.add("    CONSTRAINT " + ck.name() + " CHECK (" + ck.expression() + ")"));
            sb.append("CREATE TABLE ").append(t.name).append(" (\n").append(String.join(",\n", lines)).append("\n);\n");
            for (Index ix : t.indexes) {
                sb.append("CREATE ").append(ix.unique() ? "UNIQUE " : "").append("INDEX ").append(ix.name())
                        .append(" ON ").append(t.name).append(" (").append(String.join(", ", ix.columns())).append(")")
                        .append(ix.where() != null ? " WHERE " + ix.where() : "").append(";\n");
            }
        }
        for (Table t : tables) {
            for (ForeignKey fk : t.fks) {
                // after every table, so a key may point at any of them; dropped tables are never pointed at
                sb.append("ALTER TABLE ").append(t.name).append(" ADD CONSTRAINT ").append(fk.name())
                        .append(" FOREIGN KEY (").append(fk.column()).append(") REFERENCES ").append(fk.ref())
                        .append(" (id) ON DELETE ").append(fk.onDelete()).append(";\n");
            }
        }
        return sb.toString();
    }

    // ---- randomness

    private boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    /** A whole number in [lo, hi], both included. */
    private int between(int lo, int hi) {
        return lo + rnd.nextInt(hi - lo + 1);
    }

    private <T> T pick(List<T> items) {
        return items.get(rnd.nextInt(items.size()));
    }

    /** Up to {@code k} distinct items in random order (a partial Fisher-Yates shuffle of a copy). */
    private <T> List<T> sample(List<T> items, int k) {
        List<T> copy = new ArrayList<>(items);
        int m = Math.min(k, copy.size());
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(copy.size() - i);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return List.copyOf(copy.subList(0, m));
    }
}
