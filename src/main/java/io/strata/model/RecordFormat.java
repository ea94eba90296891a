package io.strata.model;

/** RecordFormat names the message-schema formats Strata checks besides relational schemas. */
public enum RecordFormat {
    /** Apache Avro ({@code .avsc}). */
    AVRO,
    /** JSON Schema, drafts 4 to 2020-12 ({@code .json}). */
    JSON,
    /** Protocol Buffers, proto2 and proto3 ({@code .proto}). */
    PROTOBUF
}
