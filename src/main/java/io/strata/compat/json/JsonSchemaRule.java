package io.strata.compat.json;

import io.apicurio.registry.rules.compatibility.jsonschema.diff.DiffType;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.apicurio.registry.rules.compatibility.jsonschema.diff.DiffType.*;

/**
 * A JsonSchemaRule is one kind of JSON Schema incompatibility with its stable Strata code: what it detects,
 * why documents one side writes fail the other side's schema, and the recipe that reaches the same result.
 *
 * <p>Apicurio's differ names about ninety incompatible {@link DiffType}s, many of them variants of one
 * idea ({@code MIN_LENGTH_ADDED}, {@code MIN_LENGTH_INCREASED}); a user needs the idea, so each Strata code
 * covers a family, and the Apicurio name stays in the message. The last rules are Strata's own.
 *
 * <p>Every rule can break either writer: it breaks the OLD_WRITER when the new schema is the reader (a
 * BACKWARD check) and the NEW_WRITER when the old one is (FORWARD). {@link #whenNewReads} and
 * {@link #whenOldReads} say which change does which.
 */
public enum JsonSchemaRule {
    JSON_TYPE_CHANGED("the type (or kind: object, combination, reference) of a value changed",
            "the new schema gives the value a different type", "the new schema gives the value a different type",
            "a value the writer's schema allows has a type the reader's schema rejects",
            "widen instead of replacing: accept both types (type: [old, new] or anyOf) until every writer has moved, "
                    + "then drop the old one",
            SUBSCHEMA_TYPE_CHANGED),
    JSON_INTEGER_REQUIRED("a number became an integer",
            "the new schema narrows number to integer", "the new schema widens integer to number",
            "integer-only readers reject documents with fractional numbers such as 1.5",
            "keep \"number\" in the reader; round on the writer side first, then narrow once no writer sends fractions",
            NUMBER_TYPE_INTEGER_REQUIRED_FALSE_TO_TRUE),
    JSON_REQUIRED_ADDED("a property became required (without a default)",
            "the new schema requires a property the old one did not",
            "the new schema stops requiring a property the old one requires",
            "documents written without the property fail the reader's \"required\"",
            "add the property as optional (or required with a \"default\"), let every writer send it, then require it",
            OBJECT_TYPE_REQUIRED_PROPERTIES_ADDED, OBJECT_TYPE_REQUIRED_PROPERTIES_MEMBER_ADDED),
    JSON_PROPERTY_ADDED_TO_OPEN_MODEL("a property schema was added where any value was allowed",
            "the new schema adds a property to an open content model",
            "the new schema removes a property from an open content model",
            "the writer's open model (additionalProperties absent or true) lets it send the property with any value; "
                    + "the reader now constrains it",
            "give the new property an unconstrained schema first, or close the writer's content model "
                    + "(additionalProperties: false) in an earlier version",
            OBJECT_TYPE_PROPERTY_SCHEMAS_ADDED, OBJECT_TYPE_PROPERTY_SCHEMAS_MEMBER_ADDED),
    JSON_PROPERTY_MISSING_FROM_CLOSED_MODEL("a closed content model lacks a property the writer may send",
            "the new schema removes a property and forbids unknown ones",
            "the new schema adds a property the old closed model forbids",
            "the reader's closed model (additionalProperties: false) rejects a property the writer may send",
            "keep the property (deprecated) in the reader until no writer sends it, or open the reader's content model",
            OBJECT_TYPE_PROPERTY_SCHEMAS_NARROWED, OBJECT_TYPE_PROPERTY_SCHEMAS_CHANGED),
    JSON_CONTENT_MODEL_CLOSED("additional properties were forbidden or constrained",
            "the new schema closes or constrains additionalProperties",
            "the new schema opens additionalProperties the old one constrains",
            "properties the writer's schema lets through are rejected by the reader's additionalProperties",
            "list the extra properties explicitly before closing the model, and close it only once writers send no others",
            OBJECT_TYPE_ADDITIONAL_PROPERTIES_TRUE_TO_FALSE, OBJECT_TYPE_ADDITIONAL_PROPERTIES_NARROWED,
            OBJECT_TYPE_ADDITIONAL_PROPERTIES_SCHEMA_CHANGED, OBJECT_TYPE_ADDITIONAL_PROPERTIES_SCHEMA_ADDED),
    JSON_PROPERTY_NAMES_RESTRICTED("property names were constrained (propertyNames or patternProperties)",
            "the new schema constrains property names", "the new schema stops constraining property names",
            "objects with names the writer allows fail the reader's name constraint",
            "constrain names in writers first; add the reader's constraint once no writer sends other names",
            OBJECT_TYPE_PROPERTY_SCHEMA_ADDED, OBJECT_TYPE_PATTERN_PROPERTY_KEYS_ADDED,
            OBJECT_TYPE_PATTERN_PROPERTY_KEYS_MEMBER_ADDED),
    JSON_PROPERTY_COUNT_NARROWED("minProperties raised or maxProperties lowered",
            "the new schema narrows the allowed number of properties",
            "the new schema widens the allowed number of properties",
            "objects with a property count the writer allows fall outside the reader's bounds",
            "narrow the bounds in writers first, then in readers",
            OBJECT_TYPE_MIN_PROPERTIES_ADDED, OBJECT_TYPE_MIN_PROPERTIES_INCREASED,
            OBJECT_TYPE_MAX_PROPERTIES_ADDED, OBJECT_TYPE_MAX_PROPERTIES_DECREASED),
    JSON_DEPENDENCY_ADDED("a property or schema dependency was added",
            "the new schema adds a dependency", "the new schema drops a dependency",
            "objects that have the triggering property but not its dependents fail the reader",
            "make writers send the dependent properties first, then add the dependency",
            OBJECT_TYPE_PROPERTY_DEPENDENCIES_KEYS_ADDED, OBJECT_TYPE_PROPERTY_DEPENDENCIES_KEYS_MEMBER_ADDED,
            OBJECT_TYPE_PROPERTY_DEPENDENCIES_VALUE_MEMBER_ADDED, OBJECT_TYPE_SCHEMA_DEPENDENCIES_ADDED,
            OBJECT_TYPE_SCHEMA_DEPENDENCIES_MEMBER_ADDED),
    JSON_ARRAY_LENGTH_NARROWED("minItems raised or maxItems lowered",
            "the new schema narrows the allowed array length", "the new schema widens the allowed array length",
            "arrays of a length the writer allows fall outside the reader's bounds",
            "narrow the length in writers first, then in readers",
            ARRAY_TYPE_MIN_ITEMS_ADDED, ARRAY_TYPE_MIN_ITEMS_INCREASED, ARRAY_TYPE_MAX_ITEMS_ADDED,
            ARRAY_TYPE_MAX_ITEMS_DECREASED),
    JSON_UNIQUE_ITEMS_ADDED("uniqueItems became true",
            "the new schema requires unique items", "the new schema allows duplicate items",
            "arrays with duplicates, which the writer allows, fail the reader",
            "deduplicate in writers first, then require uniqueness",
            ARRAY_TYPE_UNIQUE_ITEMS_FALSE_TO_TRUE),
    JSON_ARRAY_ITEMS_NARROWED("the schema of array items narrowed",
            "the new schema narrows what array items may be", "the new schema widens what array items may be",
            "an item the writer's schema allows fails the reader's items / additionalItems schema",
            "widen the reader's item schema (anyOf old and new) until writers send only the new form",
            ARRAY_TYPE_ADDITIONAL_ITEMS_TRUE_TO_FALSE, ARRAY_TYPE_ADDITIONAL_ITEMS_NARROWED,
            ARRAY_TYPE_SCHEMA_OF_ADDITIONAL_ITEMS_CHANGED, ARRAY_TYPE_ALL_ITEM_SCHEMA_ADDED,
            ARRAY_TYPE_SCHEMA_OF_ADDITIONAL_ITEMS_ADDED, ARRAY_TYPE_ITEMS_SCHEMAS_LENGTH_INCREASED,
            ARRAY_TYPE_ITEMS_SCHEMAS_LENGTH_DECREASED, ARRAY_TYPE_ITEM_SCHEMA_ADDED, ARRAY_TYPE_ITEM_SCHEMA_REMOVED,
            ARRAY_TYPE_ITEM_SCHEMAS_NARROWED, ARRAY_TYPE_ITEM_SCHEMAS_CHANGED),
    JSON_CONTAINS_ADDED("a contains constraint was added",
            "the new schema requires arrays to contain a matching item", "the new schema drops a contains constraint",
            "arrays without a matching item, which the writer allows, fail the reader",
            "make writers always include such an item first, then add contains",
            ARRAY_TYPE_CONTAINED_ITEM_SCHEMA_ADDED),
    JSON_STRING_LENGTH_NARROWED("minLength raised or maxLength lowered",
            "the new schema narrows the allowed string length", "the new schema widens the allowed string length",
            "strings of a length the writer allows fall outside the reader's bounds",
            "truncate or pad in writers first; tighten the reader once no longer values are written",
            STRING_TYPE_MIN_LENGTH_ADDED, STRING_TYPE_MIN_LENGTH_INCREASED, STRING_TYPE_MAX_LENGTH_ADDED,
            STRING_TYPE_MAX_LENGTH_DECREASED),
    JSON_STRING_PATTERN_CHANGED("a pattern was added or changed",
            "the new schema adds or changes a pattern", "the new schema drops or changes a pattern",
            "no regex containment is decided, so any new or different pattern may reject strings the writer allows",
            "validate the new pattern in writers first; change the reader's pattern once all writers comply",
            STRING_TYPE_PATTERN_ADDED, STRING_TYPE_PATTERN_CHANGED),
    JSON_STRING_FORMAT_CHANGED("a format, contentEncoding or contentMediaType was added or changed",
            "the new schema adds or changes a string format or content", "the new schema drops or changes one",
            "strings in the writer's format may not be valid in the reader's",
            "emit the new format in writers first, then declare it in readers",
            STRING_TYPE_FORMAT_ADDED, STRING_TYPE_FORMAT_CHANGED, STRING_TYPE_CONTENT_ENCODING_ADDED,
            STRING_TYPE_CONTENT_ENCODING_CHANGED, STRING_TYPE_CONTENT_MEDIA_TYPE_ADDED,
            STRING_TYPE_CONTENT_MEDIA_TYPE_CHANGED),
    JSON_CONST_CHANGED("a const value changed",
            "the new schema changes a const", "the new schema changes a const",
            "the only value the writer may send is not the one the reader accepts",
            "replace const by enum [old, new] in readers, move writers, then narrow",
            CONST_TYPE_VALUE_CHANGED),
    JSON_ENUM_VALUE_REMOVED("an enum value was removed",
            "the new schema removes an enum value", "the new schema adds an enum value",
            "documents carrying the removed value fail the reader's enum",
            "stop writing the value first; remove it from readers once no writer sends it",
            ENUM_TYPE_VALUES_MEMBER_REMOVED),
    JSON_NUMBER_RANGE_NARROWED("minimum/exclusiveMinimum raised or maximum/exclusiveMaximum lowered",
            "the new schema narrows the allowed numeric range", "the new schema widens the allowed numeric range",
            "numbers the writer allows fall outside the reader's range",
            "clamp values in writers first, then narrow the reader's range",
            NUMBER_TYPE_MINIMUM_ADDED, NUMBER_TYPE_MINIMUM_INCREASED, NUMBER_TYPE_IS_MINIMUM_EXCLUSIVE_FALSE_TO_TRUE,
            NUMBER_TYPE_EXCLUSIVE_MINIMUM_ADDED, NUMBER_TYPE_EXCLUSIVE_MINIMUM_INCREASED, NUMBER_TYPE_MAXIMUM_ADDED,
            NUMBER_TYPE_MAXIMUM_DECREASED, NUMBER_TYPE_IS_MAXIMUM_EXCLUSIVE_FALSE_TO_TRUE,
            NUMBER_TYPE_EXCLUSIVE_MAXIMUM_ADDED, NUMBER_TYPE_EXCLUSIVE_MAXIMUM_DECREASED),
    JSON_MULTIPLE_OF_CHANGED("multipleOf added, or changed to a value the old one is not a multiple of",
            "the new schema adds or changes multipleOf", "the new schema drops or changes multipleOf",
            "numbers that are multiples of the writer's step are not all multiples of the reader's",
            "make writers send multiples of the new step first, then change the reader",
            NUMBER_TYPE_MULTIPLE_OF_ADDED, NUMBER_TYPE_MULTIPLE_OF_UPDATED_IS_NOT_DIVISIBLE),
    JSON_COMBINATION_NARROWED("allOf/anyOf/oneOf changed so fewer documents match",
            "the new schema narrows a combination (an allOf branch added, an anyOf/oneOf branch removed, "
                    + "a branch narrowed, or the criterion made stricter)",
            "the new schema widens a combination the old one keeps narrow",
            "a document matching the writer's combination does not match the reader's",
            "add branches before removing them: widen readers first (anyOf old, new), move writers, then narrow",
            COMBINED_TYPE_CRITERION_NARROWED, COMBINED_TYPE_CRITERION_CHANGED, COMBINED_TYPE_ONE_OF_SIZE_DECREASED,
            COMBINED_TYPE_ALL_OF_SIZE_INCREASED, COMBINED_TYPE_ANY_OF_SIZE_DECREASED,
            COMBINED_TYPE_SUBSCHEMA_NOT_COMPATIBLE),
    JSON_CONDITION_CHANGED("an if/then/else was added, removed or narrowed",
            "the new schema adds or narrows a condition", "the new schema removes or widens a condition",
            "documents the writer's conditions allow fail the reader's",
            "make writers satisfy the new condition first, then add it to readers",
            CONDITIONAL_TYPE_IF_SCHEMA_ADDED, CONDITIONAL_TYPE_IF_SCHEMA_REMOVED,
            CONDITIONAL_TYPE_IF_SCHEMA_COMPATIBLE_BACKWARD_NOT_FORWARD,
            CONDITIONAL_TYPE_IF_SCHEMA_COMPATIBLE_FORWARD_NOT_BACKWARD, CONDITIONAL_TYPE_IF_SCHEMA_COMPATIBLE_NONE,
            CONDITIONAL_TYPE_THEN_SCHEMA_ADDED, CONDITIONAL_TYPE_THEN_SCHEMA_COMPATIBLE_FORWARD_NOT_BACKWARD,
            CONDITIONAL_TYPE_THEN_SCHEMA_COMPATIBLE_NONE, CONDITIONAL_TYPE_ELSE_SCHEMA_ADDED,
            CONDITIONAL_TYPE_ELSE_SCHEMA_COMPATIBLE_FORWARD_NOT_BACKWARD, CONDITIONAL_TYPE_ELSE_SCHEMA_COMPATIBLE_NONE),
    JSON_NOT_CHANGED("a not schema was widened, so more documents are excluded",
            "the new schema excludes more documents with not", "the new schema excludes fewer documents with not",
            "documents the writer allows are excluded by the reader's not",
            "exclude the documents in writers first, then in readers",
            NOT_TYPE_SCHEMA_COMPATIBLE_BACKWARD_NOT_FORWARD, NOT_TYPE_SCHEMA_COMPATIBLE_NONE),
    JSON_REFERENCE_CHANGED("a $ref was added or removed where a plain schema was",
            "the new schema replaces a schema by a $ref or the other way round",
            "the new schema replaces a schema by a $ref or the other way round",
            "the referenced and the inline schema could not be compared as equal",
            "keep the same shape on both sides; move the definition under $defs in one version, change it in another",
            REFERENCE_TYPE_TARGET_SCHEMA_ADDED, REFERENCE_TYPE_TARGET_SCHEMA_REMOVED),
    /**
     * Strata's own: keywords everit-json-schema does not read (2019-09 and 2020-12 additions such as
     * {@code prefixItems}, {@code dependentRequired}, {@code unevaluatedProperties}) are invisible to
     * Apicurio's differ, so a change to one would pass unseen. Strata cannot prove such a change safe, so
     * it reports it instead of calling it compatible.
     */
    JSON_UNREAD_KEYWORD_CHANGED("a keyword the comparison cannot evaluate changed (2019-09/2020-12 keywords such as "
                    + "prefixItems, dependentRequired, unevaluatedProperties, $dynamicRef)",
            "the new schema changes such a keyword", "the new schema changes such a keyword",
            "Strata cannot prove that documents valid under the writer's keyword are valid under the reader's",
            "change the keyword in its own version and check it by hand, or express the constraint with draft-07 keywords",
            new DiffType[0]),
    /** A DiffType Apicurio marks incompatible that no rule above covers: a newer Apicurio added it. */
    JSON_SCHEMA_NARROWED("any other narrowing Apicurio's differ reports",
            "the new schema narrows what it accepts", "the new schema widens what the old one accepts",
            "documents valid under the writer's schema are not all valid under the reader's",
            "widen readers first, move writers, then narrow",
            UNDEFINED_UNUSED);

    private static final Map<DiffType, JsonSchemaRule> BY_DIFF_TYPE = index();

    private final String detects;
    private final String whenNewReads;
    private final String whenOldReads;
    private final String why;
    private final String recipe;
    private final Set<DiffType> diffTypes;

    JsonSchemaRule(String detects, String whenNewReads, String whenOldReads, String why, String recipe,
                   DiffType... diffTypes) {
        this.detects = detects;
        this.whenNewReads = whenNewReads;
        this.whenOldReads = whenOldReads;
        this.why = why;
        this.recipe = recipe;
        this.diffTypes = diffTypes.length == 0 ? Set.of() : Collections.unmodifiableSet(EnumSet.of(diffTypes[0], diffTypes));
    }

    /** The stable code, as reported in findings and documented. */
    public String code() {
        return name();
    }

    public String detects() {
        return detects;
    }

    /** The change that breaks the OLD_WRITER: the new schema, as reader, rejects what old writers send. */
    public String whenNewReads() {
        return whenNewReads;
    }

    /** The change that breaks the NEW_WRITER: the old schema, as reader, rejects what new writers send. */
    public String whenOldReads() {
        return whenOldReads;
    }

    public String why() {
        return why;
    }

    public String recipe() {
        return recipe;
    }

    /** The Apicurio difference types this rule covers. */
    public Set<DiffType> diffTypes() {
        return diffTypes;
    }

    /** The rule for an incompatible Apicurio difference; {@link #JSON_SCHEMA_NARROWED} for one no rule names. */
    static JsonSchemaRule of(DiffType type) {
        return Optional.ofNullable(BY_DIFF_TYPE.get(type)).orElse(JSON_SCHEMA_NARROWED);
    }

    /** Rules in documentation order. */
    public static List<JsonSchemaRule> all() {
        return List.of(values());
    }

    private static Map<DiffType, JsonSchemaRule> index() {
        Map<DiffType, JsonSchemaRule> out = new EnumMap<>(DiffType.class);
        for (JsonSchemaRule rule : values()) {
            for (DiffType type : rule.diffTypes) {
                JsonSchemaRule earlier = out.put(type, rule);
                if (earlier != null) {
                    throw new IllegalStateException(type + " is covered by both " + earlier + " and " + rule);
                }
            }
        }
        return out;
    }
}
