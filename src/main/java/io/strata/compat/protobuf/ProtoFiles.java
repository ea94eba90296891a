package io.strata.compat.protobuf;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import io.strata.error.StrataException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ProtoFiles turns {@code .proto} text into a {@link ProtoSchema}: it parses with Wire's parser, follows
 * imports through the files it was given (and the well-known types Wire ships), and reports any problem
 * as bad input naming the file, the line and column, and what is wrong.
 */
final class ProtoFiles {

    /** Wire says {@code Syntax error in a.proto:3:13: expected a word}. */
    private static final Pattern WIRE_ERROR = Pattern.compile("(?s)Syntax error in (.+?):(\\d+):(\\d+): (.*)");

    private ProtoFiles() {
    }

    /** One main file, checked, with the files it imports (by import path) only read. */
    static ProtoSchema parse(String label, String text, Map<String, String> imports) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(label, text);
        Map<String, ProtoFileElement> files = new LinkedHashMap<>();
        files.put(label, parseOne(label, text));
        loadImports(files, sources, imports);
        return new ProtoSchema(label, List.of(label), files, sources, ProtoIndex.of(files), false);
    }

    /** A set of files that are all checked (a whole module, as Buf compares them). */
    static ProtoSchema parseAll(String label, Map<String, String> texts) {
        Map<String, String> sources = new LinkedHashMap<>(texts);
        Map<String, ProtoFileElement> files = new LinkedHashMap<>();
        texts.forEach((path, text) -> files.put(path, parseOne(path, text)));
        loadImports(files, sources, texts);
        return new ProtoSchema(label, new ArrayList<>(texts.keySet()), files, sources, ProtoIndex.of(files), true);
    }

    private static void loadImports(Map<String, ProtoFileElement> files, Map<String, String> sources,
                                    Map<String, String> given) {
        Deque<String> importers = new ArrayDeque<>(files.keySet());
        while (!importers.isEmpty()) {
            String importer = importers.pop();
            ProtoFileElement file = files.get(importer);
            List<String> wanted = new ArrayList<>(file.getImports());
            wanted.addAll(file.getPublicImports());
            wanted.addAll(file.getWeakImports());
            for (String path : wanted) {
                if (files.containsKey(path)) {
                    continue;
                }
                String text = given.containsKey(path) ? given.get(path) : wellKnown(path);
                if (text == null) {
                    throw StrataException.badInput("file \"" + importer + "\" imports \"" + path
                            + "\", which was not given (pass it as an import under that path)");
                }
                sources.put(path, text);
                files.put(path, parseOne(path, text));
                importers.push(path);
            }
        }
    }

    /** google/protobuf/*.proto ship inside Wire's jar, so schemas may import them without passing them. */
    private static String wellKnown(String path) {
        if (!path.startsWith("google/protobuf/")) {
            return null;
        }
        try (InputStream in = ProtoParser.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static ProtoFileElement parseOne(String path, String text) {
        ProtoFileElement file;
        try {
            file = ProtoParser.Companion.parse(Location.get(path), text);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw StrataException.badInput(describe(path, e.getMessage()));
        }
        ProtoValidation.check(path, file);
        return file;
    }

    private static String describe(String path, String wireMessage) {
        Matcher m = WIRE_ERROR.matcher(wireMessage == null ? "" : wireMessage);
        if (m.matches()) {
            return "file \"" + path + "\", " + m.group(2) + ":" + m.group(3) + ": " + m.group(4);
        }
        return "file \"" + path + "\": " + wireMessage;
    }
}
