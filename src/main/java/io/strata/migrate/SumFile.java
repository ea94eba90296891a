package io.strata.migrate;

import io.strata.plan.Checksums;
import io.strata.error.StrataException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SumFile is a migration directory's integrity file {@code strata.sum}, after atlas.sum: a first line
 * {@code h1:<sha256>} running over every migration file's name and content in the order they run (versioned,
 * then repeatable), then one line {@code <name> h1:<sha256 of content>} per file. An edited or inserted old file changes it, and two
 * branches that each add a file conflict on its first line in git.
 */
public record SumFile(String total, Map<String, String> files) {

    public static final String NAME = "strata.sum";

    public SumFile {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The sum of {@code migrations} as they are now. */
    public static SumFile of(List<MigrationFile> migrations) {
        MessageDigest running = Checksums.newSha256();
        Map<String, String> files = new LinkedHashMap<>();
        for (MigrationFile f : migrations) {
            running.update(f.name().getBytes(StandardCharsets.UTF_8));
            running.update(f.content().getBytes(StandardCharsets.UTF_8));
            files.put(f.name(), Checksums.sha256(f.content()));
        }
        return new SumFile(HexFormat.of().formatHex(running.digest()), files);
    }

    public String text() {
        StringBuilder out = new StringBuilder("h1:").append(total).append('\n');
        files.forEach((name, hash) -> out.append(name).append(" h1:").append(hash).append('\n'));
        return out.toString();
    }

    /** Writes {@code strata.sum} for the files of {@code dir} as they are now. */
    public static SumFile write(Path dir) {
        SumFile sum = of(MigrationFile.list(dir));
        try {
            Files.writeString(dir.resolve(NAME), sum.text());
        } catch (IOException e) {
            throw StrataException.badInput("cannot write \"" + dir.resolve(NAME) + "\": " + e.getMessage());
        }
        return sum;
    }

    /**
     * Checks {@code migrations} against {@code dir}'s strata.sum; a missing sum or any difference is a
     * BAD_INPUT error naming each edited, inserted or removed file.
     */
    public static void verify(Path dir, List<MigrationFile> migrations) {
        Path path = dir.resolve(NAME);
        if (!Files.exists(path)) {
            throw StrataException.badInput("\"" + path + "\" is missing: run strata migrate hash --dir " + dir);
        }
        SumFile recorded = read(path);
        SumFile actual = of(migrations);
        if (recorded.equals(actual)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        actual.files.forEach((name, hash) -> {
            String old = recorded.files.get(name);
            if (old == null) {
                problems.add("file \"" + name + "\" is not in " + NAME + " (added without rehashing)");
            } else if (!old.equals(hash)) {
                problems.add("file \"" + name + "\" was edited after it was hashed");
            }
        });
        recorded.files.keySet().stream().filter(n -> !actual.files.containsKey(n))
                .forEach(n -> problems.add("file \"" + n + "\" is listed in " + NAME + " but missing"));
        if (problems.isEmpty()) {
            problems.add("the running sum on its first line does not match");
        }
        throw StrataException.badInput(path + " does not match the directory: " + String.join("; ", problems)
                + " (if intended, run strata migrate hash --dir " + dir + ")");
    }

    static SumFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw StrataException.badInput("cannot read \"" + path + "\": " + e.getMessage());
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("h1:")) {
            throw StrataException.badInput("\"" + path + "\" does not start with an h1: line");
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int at = line.lastIndexOf(" h1:");
            if (at > 0) {
                files.put(line.substring(0, at), line.substring(at + 4).strip());
            }
        }
        return new SumFile(lines.get(0).substring(3).strip(), files);
    }
}
