package io.strata.cli;

import io.strata.compat.Effect;
import io.strata.compat.Finding;
import io.strata.compat.Role;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * FindingsText prints classified changes for people: grouped by table, one line per change with its
 * code, location, the roles it breaks and the message; the recipe follows on breaking changes.
 */
final class FindingsText {

    private final Ansi ansi;

    FindingsText(Ansi ansi) {
        this.ansi = ansi;
    }

    /** "ok", or the broken roles and then the data-dependent ones: {@code breaks: OLD_WRITER data-dependent: NEW_READER}. */
    private String roles(Finding f) {
        if (f.breaks().isEmpty()) {
            return ansi.green("ok");
        }
        String broken = rolesWith(f, Effect.BREAKS);
        String dataDependent = rolesWith(f, Effect.DATA_DEPENDENT);
        String out = broken.isEmpty() ? "" : ansi.red("breaks: ") + broken;
        if (!dataDependent.isEmpty()) {
            out += (out.isEmpty() ? "" : " ") + ansi.yellow("data-dependent: ") + dataDependent;
        }
        return out;
    }

    private static String rolesWith(Finding f, Effect effect) {
        return f.breaks().stream().filter(r -> f.effects().get(r) == effect).map(Role::name)
                .collect(Collectors.joining(","));
    }

    void print(List<Finding> findings, PrintWriter out) {
        if (findings.isEmpty()) {
            out.println("  no changes");
            return;
        }
        Map<String, List<Finding>> byTable = new LinkedHashMap<>();
        for (Finding f : findings) {
            // Relational findings group by table; a record format's by the schema they are about.
            String table = f.change() == null ? "schema" : f.change().tableLocation() == null ? f.location()
                    : f.change().tableLocation();
            byTable.computeIfAbsent(table, k -> new java.util.ArrayList<>()).add(f);
        }
        int codeWidth = findings.stream().mapToInt(f -> f.code().length()).max().orElse(0);
        byTable.forEach((table, items) -> {
            out.println(ansi.bold(table));
            for (Finding f : items) {
                String roles = roles(f);
                out.printf("  %-" + codeWidth + "s  %s  %s  %s%n", f.code(), f.location(), roles, f.message());
                if (!f.breaks().isEmpty() && f.recipe() != null && !f.recipe().isBlank()) {
                    out.println("      recipe: " + f.recipe());
                }
            }
        });
    }
}
