package io.strata.compat.protobuf;

import com.squareup.wire.schema.Location;
import io.strata.compat.record.RecordIncompatibility;

/**
 * A ProtoIssue is one finding with where it sits in each schema, so a caller can point into either
 * file (the conformance test matches Buf's annotations, which point into the newer file).
 *
 * @param path   the element path, e.g. {@code acme.v1.Order.items} or {@code acme.v1.OrderService.Get}
 * @param reader where it is in the reader's schema: the element, or its nearest surviving parent
 * @param writer the same in the writer's schema
 */
public record ProtoIssue(ProtoRule rule, String path, String message, Anchor reader, Anchor writer) {

    /** A file and line; line 0 stands for the file as a whole, as when a top-level element is gone. */
    public record Anchor(String file, int line) {
        static Anchor of(Location location) {
            return location == null ? null : new Anchor(location.getPath(), Math.max(0, location.getLine()));
        }

        static Anchor file(String file) {
            return new Anchor(file, 0);
        }
    }

    public RecordIncompatibility toRecord() {
        return new RecordIncompatibility(rule.name(), path, message, rule.why(), rule.recipe());
    }

    /** The same issue seen from the other side: reader and writer anchors swapped. */
    ProtoIssue swapped() {
        return new ProtoIssue(rule, path, message, writer, reader);
    }
}
