package io.strata.diff;

import io.strata.model.Catalog;
import io.strata.model.Extension;
import io.strata.model.Schema;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddExtension;
import io.strata.model.change.SchemaChange.AddSchema;
import io.strata.model.change.SchemaChange.DropExtension;
import io.strata.model.change.SchemaChange.DropSchema;
import io.strata.model.change.SchemaChange.ModifySchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Differ computes the {@link SchemaChange}s that turn one {@link Catalog} into another. It is
 * dialect-neutral and never guesses renames: a rename is reported only when the newer model says
 * {@code renamedFrom}; otherwise it is a drop plus an add. Output order is deterministic: schemas,
 * extensions, then per schema its enums, sequences, tables and views.
 */
public final class Differ {

    private Differ() {
    }

    /** The changes from {@code from} to {@code to}; empty when they are equal. */
    public static List<SchemaChange> diff(Catalog from, Catalog to) {
        List<SchemaChange> out = new ArrayList<>();
        diffExtensions(from.extensions(), to.extensions(), out);
        for (SchemaPair pair : pairSchemas(from.schemas(), to.schemas())) {
            if (pair.from() == null) {
                out.add(new AddSchema(pair.to()));
            } else if (pair.to() == null) {
                out.add(new DropSchema(pair.from()));
            } else {
                // Changes are named after the desired side, unless it names no database (a replayed MySQL file):
                // then after the side that does, the target, never a scratch database.
                Schema desired = pair.to().name().isEmpty() ? pair.to().withName(pair.from().name()) : pair.to();
                if (!sameOptions(pair.from(), desired)) {
                    out.add(new ModifySchema(pair.from(), desired));
                }
                SchemaDiffer.diff(pair.from(), desired, out);
            }
        }
        return out;
    }

    private record SchemaPair(Schema from, Schema to) {
    }

    /**
     * Pairs schemas by name. When each side holds exactly one schema the two are paired whatever
     * their names: a MySQL file replayed in a scratch database (and named after none) compares with the live
     * database it describes.
     */
    private static List<SchemaPair> pairSchemas(List<Schema> from, List<Schema> to) {
        if (from.size() == 1 && to.size() == 1) {
            return List.of(new SchemaPair(from.get(0), to.get(0)));
        }
        Map<String, Schema> fromByName = byName(from, Schema::name);
        Map<String, Schema> toByName = byName(to, Schema::name);
        List<SchemaPair> pairs = new ArrayList<>();
        for (Schema s : from) {
            if (!toByName.containsKey(s.name())) {
                pairs.add(new SchemaPair(s, null));
            }
        }
        for (Schema s : to) {
            pairs.add(new SchemaPair(fromByName.get(s.name()), s));
        }
        return pairs;
    }

    private static boolean sameOptions(Schema a, Schema b) {
        return Objects.equals(a.comment(), b.comment()) && Objects.equals(a.charset(), b.charset())
                && Objects.equals(a.collation(), b.collation());
    }

    private static void diffExtensions(List<Extension> from, List<Extension> to, List<SchemaChange> out) {
        Map<String, Extension> toByName = byName(to, Extension::name);
        Map<String, Extension> fromByName = byName(from, Extension::name);
        from.stream().filter(e -> !toByName.containsKey(e.name())).forEach(e -> out.add(new DropExtension(e)));
        to.stream().filter(e -> !fromByName.containsKey(e.name())).forEach(e -> out.add(new AddExtension(e)));
    }

    static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
