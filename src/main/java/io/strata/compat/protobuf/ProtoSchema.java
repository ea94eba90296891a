package io.strata.compat.protobuf;

import com.squareup.wire.schema.internal.parser.ProtoFileElement;

import java.util.List;
import java.util.Map;

/**
 * A ProtoSchema is one parsed version of a Protobuf schema: the files it checks (for a registry subject,
 * just the main file), every file it can see (the checked ones, their imports and the well-known types),
 * and the index that resolves type names across them.
 *
 * @param label   where it came from (the main file's name), for messages
 * @param checked the paths of the files whose declarations are compared
 * @param files   every parsed file by import path
 * @param sources the text of each file by import path, to find statements Wire keeps no location for
 * @param editions the edition of each file that declares one ({@code edition = "2023"}), by import path
 * @param module  whether this is a whole module of files compared file by file (as Buf does), rather than
 *                one registry schema whose main file may be renamed between versions
 */
public record ProtoSchema(String label, List<String> checked, Map<String, ProtoFileElement> files,
                          Map<String, String> sources, Map<String, String> editions, ProtoIndex index,
                          boolean module) {

    public ProtoSchema {
        checked = List.copyOf(checked);
        files = Map.copyOf(files);
        sources = Map.copyOf(sources);
        editions = Map.copyOf(editions);
    }

    /** How a file is written: {@code proto2}, {@code proto3} or {@code edition 2023}. */
    public String syntaxOf(String path) {
        if (editions.containsKey(path)) {
            return "edition " + editions.get(path);
        }
        ProtoFileElement f = files.get(path);
        return f == null || f.getSyntax() == null ? "proto2" : f.getSyntax().toString();
    }

    /** The first checked file: the one a registry subject names. */
    public ProtoFileElement main() {
        return files.get(checked.get(0));
    }
}
