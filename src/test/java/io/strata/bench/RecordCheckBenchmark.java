package io.strata.bench;

import io.strata.compat.CompatibilityLevel;
import io.strata.compat.CompatibilityResult;
import io.strata.compat.avro.AvroSupport;
import io.strata.compat.json.JsonSchemaSupport;
import io.strata.compat.protobuf.ProtobufSupport;
import io.strata.compat.record.RecordCompatibility;
import io.strata.compat.record.RecordFormatSupport;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * RecordCheckBenchmark measures a BACKWARD check of a record-schema pair from text, as {@code strata check}
 * does it (parse both, check through the format's primitive), for 20- and 200-field schemas in each
 * format, and, for Avro, the same work done by calling Apache Avro directly: parsing both and
 * {@code SchemaCompatibility.checkReaderWriterCompatibility}, the baseline the 1.5x budget is set on.
 * The new version adds an optional field, so every check answers "compatible" after the whole walk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RecordCheckBenchmark {

    @Param({"20", "200"})
    public int fields;

    private String avroOld;
    private String avroNew;
    private String jsonOld;
    private String jsonNew;
    private String protoOld;
    private String protoNew;
    private final AvroSupport avro = new AvroSupport();
    private final JsonSchemaSupport json = new JsonSchemaSupport();
    private final ProtobufSupport protobuf = new ProtobufSupport();

    @Setup(Level.Trial)
    public void setUp() {
        String avroFields = IntStream.range(0, fields).mapToObj(i -> "{\"name\":\"f" + i + "\",\"type\":\""
                + (i % 3 == 0 ? "int" : i % 3 == 1 ? "string" : "double") + "\"}").collect(Collectors.joining(","));
        avroOld = "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"bench\",\"fields\":[" + avroFields + "]}";
        avroNew = "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"bench\",\"fields\":[" + avroFields
                + ",{\"name\":\"extra\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
        String props = IntStream.range(0, fields).mapToObj(i -> "\"f" + i + "\":{\"type\":\""
                + (i % 3 == 0 ? "integer" : i % 3 == 1 ? "string" : "number") + "\"}").collect(Collectors.joining(","));
        String required = IntStream.range(0, fields).mapToObj(i -> "\"f" + i + "\"").collect(Collectors.joining(","));
        // Closed content models: an optional property added to an open one would constrain what old writers may send.
        jsonOld = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\",\"properties\":{" + props
                + "},\"required\":[" + required + "],\"additionalProperties\":false}";
        jsonNew = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\",\"properties\":{" + props
                + ",\"extra\":{\"type\":\"string\"}},\"required\":[" + required + "],\"additionalProperties\":false}";
        String protoFields = IntStream.range(0, fields).mapToObj(i -> "  " + (i % 3 == 0 ? "int32" : i % 3 == 1 ? "string" : "double")
                + " f" + i + " = " + (i + 1) + ";\n").collect(Collectors.joining());
        protoOld = "syntax = \"proto3\";\npackage bench;\nmessage R {\n" + protoFields + "}\n";
        protoNew = "syntax = \"proto3\";\npackage bench;\nmessage R {\n" + protoFields + "  string extra = " + (fields + 1) + ";\n}\n";
        for (CompatibilityResult r : List.of(strataAvro(), strataJson(), strataProtobuf())) {
            if (!r.compatible()) {
                throw new IllegalStateException("the benchmark pair should be BACKWARD compatible: " + r);
            }
        }
        if (avroDirect().getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new IllegalStateException("Avro says the pair is not compatible");
        }
    }

    @Benchmark
    public SchemaCompatibility.SchemaCompatibilityResult avroDirect() {
        Schema writer = new Schema.Parser().parse(avroOld);
        Schema reader = new Schema.Parser().parse(avroNew);
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    }

    @Benchmark
    public CompatibilityResult strataAvro() {
        return check(avro, avroOld, avroNew);
    }

    @Benchmark
    public CompatibilityResult strataJson() {
        return check(json, jsonOld, jsonNew);
    }

    @Benchmark
    public CompatibilityResult strataProtobuf() {
        return check(protobuf, protoOld, protoNew);
    }

    private static <S> CompatibilityResult check(RecordFormatSupport<S> support, String older, String newer) {
        return RecordCompatibility.check(CompatibilityLevel.BACKWARD, List.of(
                new RecordCompatibility.Version<>("old", support.parse("old", older, Map.of())),
                new RecordCompatibility.Version<>("new", support.parse("new", newer, Map.of()))), support);
    }
}
