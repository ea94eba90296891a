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

    /** Options of editions' features are named {@code features.NAME} (language ones {@code features.pb.java.NAME}). */
    static final String FEATURES_PREFIX = "features.";

    /** The edition statement, which Wire's parser refuses; the only edition read here is 2023. */
    private static final Pattern EDITION = Pattern.compile("(?m)^\\s*edition\\s*=\\s*\"([^\"]*)\"\\s*;");
    private static final String SUPPORTED_EDITION = "2023";
    /** {@code features.(pb.java).utf8_validation}: Wire reads no parenthesised part after a plain one. */
    private static final Pattern LANGUAGE_FEATURE = Pattern.compile("\\bfeatures\\s*\\.\\s*\\(\\s*([\\w.]+)\\s*\\)");
    /** The language feature files declare only extensions of FeatureSet, which are not resolved here. */
    private static final java.util.Set<String> FEATURE_FILES = java.util.Set.of("google/protobuf/java_features.proto",
            "google/protobuf/cpp_features.proto", "google/protobuf/go_features.proto");

    private ProtoFiles() {
    }

    /** One main file, checked, with the files it imports (by import path) only read. */
    static ProtoSchema parse(String label, String text, Map<String, String> imports) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(label, text);
        Map<String, ProtoFileElement> files = new LinkedHashMap<>();
        Map<String, String> editions = new LinkedHashMap<>();
        files.put(label, parseOne(label, text, editions));
        loadImports(files, sources, imports, editions);
        return new ProtoSchema(label, List.of(label), files, sources, editions, ProtoIndex.of(files, editions), false);
    }

    /** A set of files that are all checked (a whole module, as Buf compares them). */
    static ProtoSchema parseAll(String label, Map<String, String> texts) {
        Map<String, String> sources = new LinkedHashMap<>(texts);
        Map<String, ProtoFileElement> files = new LinkedHashMap<>();
        Map<String, String> editions = new LinkedHashMap<>();
        texts.forEach((path, text) -> files.put(path, parseOne(path, text, editions)));
        loadImports(files, sources, texts, editions);
        return new ProtoSchema(label, new ArrayList<>(texts.keySet()), files, sources, editions,
                ProtoIndex.of(files, editions), true);
    }

    private static void loadImports(Map<String, ProtoFileElement> files, Map<String, String> sources,
                                    Map<String, String> given, Map<String, String> editions) {
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
                files.put(path, parseOne(path, text, editions));
                importers.push(path);
            }
        }
    }

    /** google/protobuf/*.proto ship inside Wire's jar, so schemas may import them without passing them. */
    private static String wellKnown(String path) {
        if (!path.startsWith("google/protobuf/")) {
            return null;
        }
        if (FEATURE_FILES.contains(path)) {
            return "edition = \"" + SUPPORTED_EDITION + "\";\npackage pb;\n";
        }
        try (InputStream in = ProtoParser.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static ProtoFileElement parseOne(String path, String text, Map<String, String> editions) {
        ProtoFileElement file;
        String readable = text;
        Matcher edition = EDITION.matcher(text);
        if (edition.find()) {
            if (!edition.group(1).equals(SUPPORTED_EDITION)) {
                int line = (int) text.substring(0, edition.start(1)).chars().filter(c -> c == '\n').count() + 1;
                throw StrataException.badInput("file \"" + path + "\", " + line + ": edition \"" + edition.group(1)
                        + "\" is not supported (edition \"" + SUPPORTED_EDITION + "\", proto2 and proto3 are)");
            }
            editions.put(path, edition.group(1));
            // Wire reads proto3's grammar, which editions share; the features then say what the syntax said
            readable = text.substring(0, edition.start()) + text.substring(edition.start(), edition.end())
                    .replaceFirst("edition\\s*=\\s*\"[^\"]*\"", "syntax = \"proto3\"") + text.substring(edition.end());
            readable = LANGUAGE_FEATURE.matcher(readable).replaceAll("features.$1");
        }
        try {
            file = ProtoParser.Companion.parse(Location.get(path), readable);
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
