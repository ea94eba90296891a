/**
 * Record formats (Avro, JSON Schema, Protobuf): the primitive each format supplies
 * ({@link io.strata.compat.record.RecordFormatSupport}) and the levels composed from it
 * ({@link io.strata.compat.record.RecordCompatibility}). Each format lives in its own package
 * ({@code compat.avro}, {@code compat.json}, {@code compat.protobuf}) and
 * wraps a well-kept library behind these types.
 */
package io.strata.compat.record;
