/**
 * Avro: {@link io.strata.compat.avro.AvroSupport} wraps Apache Avro's own parser, Parsing Canonical Form and
 * {@code SchemaCompatibility} behind {@link io.strata.compat.record.RecordFormatSupport}. Avro decides what is
 * compatible; this package only says where a schema is wrong, names the element an incompatibility is about,
 * and adds why it breaks and the safe recipe.
 */
package io.strata.compat.avro;
