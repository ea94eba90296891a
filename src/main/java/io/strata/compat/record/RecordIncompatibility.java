package io.strata.compat.record;

import java.util.Objects;

/**
 * A RecordIncompatibility is one reason a reader schema cannot read data written with a writer schema.
 *
 * @param code     the stable code (Avro keeps its {@code SchemaIncompatibilityType}, e.g. {@code TYPE_MISMATCH})
 * @param location where, in the reader schema: a JSON pointer ({@code /fields/3/type}) or, for Protobuf, the
 *                 element path ({@code acme.Order.items})
 * @param message  one sentence naming the element and what is wrong
 * @param why      why data written one way cannot be read the other
 * @param recipe   how to make the same change without breaking the other side
 */
public record RecordIncompatibility(String code, String location, String message, String why, String recipe) {
    public RecordIncompatibility {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(location, "location of " + code);
        Objects.requireNonNull(message, "message of " + code);
    }
}
