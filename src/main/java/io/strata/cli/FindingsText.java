package io.strata.cli;

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

    void print(List<Finding> findings, PrintWriter out) {
        if (findings.isEmpty()) {
            out.println("  no changes");
            return;
        }
        Map<String, List<Finding>> byTable = new LinkedHashMap<>();
        for (Finding f : findings) {
            String table = f.change().tableLocation() == null ? f.location() : f.change().tableLocation();
            byTable.computeIfAbsent(table, k -> new java.util.ArrayList<>()).add(f);
        }
        int codeWidth = findings.stream().mapToInt(f -> f.code().length()).max().orElse(0);
        byTable.forEach((table, items) -> {
            out.println(ansi.bold(table));
            for (Finding f : items) {
                String roles = f.breaks().isEmpty() ? ansi.green("ok")
                        : (f.dataDependent() ? ansi.yellow("data-dependent: ") : ansi.red("breaks: "))
                        + f.breaks().stream().map(Role::name).collect(Collectors.joining(","));
                out.printf("  %-" + codeWidth + "s  %s  %s  %s%n", f.code(), f.location(), roles, f.message());
                if (!f.breaks().isEmpty() && f.recipe() != null && !f.recipe().isBlank()) {
                    out.println("      recipe: " + f.recipe());
                }
            }
        });
    }
}
