package io.strata.compat.avro;

import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * An AvroRule is Strata's documentation of one kind of incompatibility Apache Avro reports: Avro decides
 * that data cannot be read; the rule adds what that means, why, and the recipe that reaches the same result
 * without breaking anyone. {@code docs/compatibility.md} lists the same rows.
 *
 * @param code      Avro's {@link SchemaIncompatibilityType} name, kept as the stable code
 * @param detects   what Avro detects, one sentence
 * @param predicate what the element does wrong, completing a sentence that starts with the element
 * @param why       why data written one way cannot be read the other
 * @param recipe    how to make the change without breaking the other side
 */
record AvroRule(String code, String detects, String predicate, String why, String recipe) {

    /**
     * The rule for {@code type}. The switch has no default on purpose: a type added by a future Avro fails
     * the build here instead of reaching users without a why and a recipe.
     */
    static AvroRule of(SchemaIncompatibilityType type) {
        return switch (type) {
            case NAME_MISMATCH -> new AvroRule(type.name(),
                    "a record, enum or fixed whose full name differs from the writer's type, with no alias for it",
                    "is not named like the writer's type",
                    "Avro matches named types by full name (namespace included) or by the reader's aliases, so "
                            + "data written under another name is not recognised as this type.",
                    "Keep the full name. To rename, list the old full name in the new type's \"aliases\": readers "
                            + "of the new schema then resolve old data (BACKWARD); readers of the old schema never "
                            + "learn the new name, so under FORWARD or FULL keep the old name.");
            case FIXED_SIZE_MISMATCH -> new AvroRule(type.name(),
                    "a fixed type whose size differs from the writer's",
                    "has another size than the writer's fixed",
                    "A fixed value is exactly its size in bytes with no length prefix, and Avro converts no size "
                            + "to another, so the written bytes cannot be read as this type.",
                    "Keep the size. For another size, add a new field of a new fixed type (or bytes) with a default, "
                            + "write both while readers move over, then drop the old field.");
            case MISSING_ENUM_SYMBOLS -> new AvroRule(type.name(),
                    "symbols of the writer's enum that the reader's enum lacks, when the reader's enum has no default",
                    "lacks symbols the writer may write",
                    "The writer may write a symbol this reader does not know, and without an enum \"default\" "
                            + "Avro has nothing to read it as.",
                    "Give the enum a \"default\" symbol before its symbols change, so unknown symbols read as it; "
                            + "otherwise add a symbol to readers before any writer uses it, and stop writing a "
                            + "symbol before removing it from readers.");
            case READER_FIELD_MISSING_DEFAULT_VALUE -> new AvroRule(type.name(),
                    "a reader field that the writer's record does not have, with no default",
                    "is not in the writer's record and has no default",
                    "The reader needs a value for this field that data written without it does not carry, and "
                            + "has no default to fill in.",
                    "Give the field a \"default\" (for an optional field, type [\"null\", T] with \"default\": null). "
                            + "To remove a field that readers of another version still need, first release a "
                            + "version that gives it a default, then remove it.");
            case TYPE_MISMATCH -> new AvroRule(type.name(),
                    "a type that the writer's type is neither equal to nor promotable to",
                    "cannot read the writer's type",
                    "Avro reads data only as its own type or a promotion of it (int to long, float or double; "
                            + "long to float or double; float to double; string and bytes either way); any "
                            + "other change would misread the written bytes.",
                    "Change a type only along a promotion. Otherwise add a field with the new type and a default, "
                            + "write both, move readers to the new field, then drop the old one (expand/contract).");
            case MISSING_UNION_BRANCH -> new AvroRule(type.name(),
                    "a type the writer may write (a union branch) that no branch of the reader can read",
                    "cannot read every branch the writer may write",
                    "A union value is written as one of its branches; if the reader has no branch that can read "
                            + "that one, the value cannot be decoded.",
                    "Add a branch to readers before any writer uses it, and stop writing a branch before removing "
                            + "it from readers; to make a field optional, keep its type as a branch ([\"null\", T]).");
        };
    }
}
