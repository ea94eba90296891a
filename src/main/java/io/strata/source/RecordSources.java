package io.strata.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.compat.avro.AvroSupport;
import io.strata.compat.json.JsonSchemaSupport;
import io.strata.compat.protobuf.ProtobufSupport;
import io.strata.compat.record.RecordCompatibility;
import io.strata.compat.record.RecordFormatSupport;
import io.strata.error.StrataException;
import io.strata.model.RecordFormat;
import io.strata.model.RecordSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * RecordSources tells a record schema file from a relational source and reads it: {@code .avsc} is Avro,
 * {@code .proto} is Protobuf, and a {@code .json} file is JSON Schema unless it is a Strata model file (an
 * object with {@code dialect} and {@code schemas}) or a plan file; the files of the same kind beside it and
 * below are what its imports and {@code $ref}s may name. Each format's parsing and primitive come from its {@link RecordFormatSupport}.
 */
public final class RecordSources {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<RecordFormat, RecordFormatSupport<?>> SUPPORT = Map.of(
            RecordFormat.AVRO, new AvroSupport(),
            RecordFormat.JSON, new JsonSchemaSupport(),
            RecordFormat.PROTOBUF, new ProtobufSupport());

    private RecordSources() {
    }

    /** The record format of {@code source}, or empty when it is a relational source (SQL, model file, JDBC URL). */
    public static Optional<RecordFormat> formatOf(String source) {
        if (source.startsWith("jdbc:")) {
            return Optional.empty();
        }
        Path path = Path.of(source);
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".avsc")) {
            return Optional.of(RecordFormat.AVRO);
        }
        if (name.endsWith(".proto")) {
            return Optional.of(RecordFormat.PROTOBUF);
        }
        if (name.endsWith(".json") && Files.isRegularFile(path) && !PlanFile.isPlanFile(source) && !isModel(path)) {
            return Optional.of(RecordFormat.JSON);
        }
        return Optional.empty();
    }

    /** A Strata model file has the catalog's {@code schemas}; anything else in a .json file is taken for JSON Schema. */
    private static boolean isModel(Path path) {
        try {
            JsonNode tree = JSON.readTree(Files.readString(path));
            return tree != null && tree.isObject() && tree.has("schemas") && tree.has("dialect");
        } catch (IOException e) {
            // Not even JSON: the JSON Schema parser gives the error with its line.
            return false;
        }
    }

    public static RecordFormatSupport<?> support(RecordFormat format) {
        return SUPPORT.get(format);
    }

    /** The canonical form and fingerprint of one record schema file. */
    public static RecordSchema envelope(String source) {
        RecordFormat format = formatOf(source).orElseThrow(() -> StrataException.badInput("\"" + source
                + "\" is not a record schema file (.avsc, .json JSON Schema, .proto)"));
        return envelope(support(format), source);
    }

    private static <S> RecordSchema envelope(RecordFormatSupport<S> support, String source) {
        return support.envelope(source, read(support, source).schema());
    }

    /** Reads and parses {@code source} with {@code support}, as a version labelled by its path. */
    public static <S> RecordCompatibility.Version<S> read(RecordFormatSupport<S> support, String source) {
        Path path = Path.of(source);
        String text = text(path);
        return new RecordCompatibility.Version<>(source, support.parse(source, text, imports(support.format(), path)));
    }

    /**
     * The files under the file's directory that it may import, by path relative to it: {@code .proto} files
     * for Protobuf {@code import}s, {@code .json} files for JSON Schema {@code $ref}s to other documents.
     */
    private static Map<String, String> imports(RecordFormat format, Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        String extension = format == RecordFormat.PROTOBUF ? ".proto" : format == RecordFormat.JSON ? ".json" : null;
        if (extension == null) {
            return out;
        }
        Path self = file.toAbsolutePath();
        Path root = self.getParent();
        try {
            // Siblings are only candidates for imports: one that vanishes or cannot be read while we look (another
            // program's temporary files beside a file in /tmp) is skipped, never an error of this check.
            Files.walkFileTree(root, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), 8,
                    new java.nio.file.SimpleFileVisitor<>() {
                        @Override
                        public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() && p.toString().endsWith(extension) && !p.equals(self)) {
                                try {
                                    out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
                                } catch (IOException | RuntimeException unreadable) {
                                    // skipped: see above
                                }
                            }
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) {
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw StrataException.badInput("cannot list the " + extension + " files beside \"" + file + "\": " + e.getMessage());
        }
        return out;
    }

    private static String text(Path path) {
        if (!Files.isRegularFile(path)) {
            throw StrataException.badInput("no such file: \"" + path + "\"");
        }
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw StrataException.badInput("cannot read \"" + path + "\": " + e.getMessage());
        }
    }

    /** Each version's format; they must all be one. */
    public static RecordFormat sameFormat(List<String> versions) {
        RecordFormat first = formatOf(versions.get(0)).orElse(null);
        for (String v : versions.subList(1, versions.size())) {
            RecordFormat f = formatOf(v).orElse(null);
            if (f != first) {
                throw StrataException.badInput("cannot compare \"" + versions.get(0) + "\" (" + describe(first) + ") with \""
                        + v + "\" (" + describe(f) + "): every version must have the same format");
            }
        }
        return first;
    }

    private static String describe(RecordFormat format) {
        return format == null ? "a relational schema" : format.name();
    }
}
