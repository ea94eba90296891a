package io.strata.compat.protobuf;

import com.squareup.wire.schema.Location;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Findings collects the issues of one comparison at one strictness, dropping rules that do not apply at
 * it and repeats of the same code at the same element.
 */
final class Findings {

    private final Strictness strictness;
    private final List<ProtoIssue> issues = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    Findings(Strictness strictness) {
        this.strictness = strictness;
    }

    Strictness strictness() {
        return strictness;
    }

    void add(ProtoRule rule, String path, String message, Location reader, Location writer) {
        add(rule, path, message, ProtoIssue.Anchor.of(reader), ProtoIssue.Anchor.of(writer));
    }

    void add(ProtoRule rule, String path, String message, ProtoIssue.Anchor reader, ProtoIssue.Anchor writer) {
        if (rule.appliesAt(strictness) && seen.add(rule + "\u0000" + path + "\u0000" + message)) {
            issues.add(new ProtoIssue(rule, path, message, reader, writer));
        }
    }

    List<ProtoIssue> issues() {
        return List.copyOf(issues);
    }
}
