/**
 * Record formats (Avro, JSON Schema, Protobuf): the primitive each format supplies
 * ({@link io.strata.compat.record.RecordFormatSupport}) and its findings in Strata's roles
 * ({@link io.strata.compat.record.RecordCompatibility}), from which {@link io.strata.compat.Levels} composes
 * the levels. Each format lives in its own package ({@code compat.avro}, {@code compat.json},
 * {@code compat.protobuf}) and wraps a well-kept library behind these types.
 */
package io.strata.compat.record;
