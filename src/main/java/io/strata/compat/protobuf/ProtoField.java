package io.strata.compat.protobuf;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.OptionElement;

import java.util.List;

/**
 * A ProtoField is a message field with its type resolved: what the checks compare, independent of how
 * the type was spelled ({@code Foo}, {@code .pkg.Foo}, {@code pkg.Foo} all resolve to {@code pkg.Foo}).
 *
 * @param type        a scalar name ({@code int64}), or the full name of a message, enum or group; for a map,
 *                    {@code map<key,value>} with the value type resolved
 * @param jsonName    the effective JSON name: the {@code json_name} option, else the lowerCamelCase name
 * @param explicitJsonName whether {@code json_name} was given
 * @param oneof       the oneof it belongs to, or null
 * @param defaultValue the proto2 {@code default}, or null
 * @param features    what the file's syntax or edition, and the options around the field, make of it
 */
public record ProtoField(String name, int number, String jsonName, boolean explicitJsonName, Kind kind, String type,
                         Cardinality cardinality, String oneof, String defaultValue, List<OptionElement> options,
                         Location location, Features features) {

    /** What kind of type a field has: the first thing the wire encoding depends on. */
    public enum Kind { SCALAR, MESSAGE, ENUM, GROUP, MAP }

    /**
     * Cardinality and presence, as Buf distinguishes them: implicit presence is a proto3 scalar without
     * {@code optional}, which cannot tell zero from absent.
     */
    public enum Cardinality { OPTIONAL_EXPLICIT, OPTIONAL_IMPLICIT, REQUIRED, REPEATED, MAP }

    public ProtoField {
        options = List.copyOf(options);
    }

    /** This field under another name (an extension under its full name). */
    ProtoField named(String newName) {
        return new ProtoField(newName, number, jsonName, explicitJsonName, kind, type, cardinality, oneof, defaultValue,
                options, location, features);
    }

    /** The value of option {@code name}, or null. */
    public String option(String name) {
        return options.stream().filter(o -> o.getName().equals(name)).map(o -> String.valueOf(o.getValue()))
                .findFirst().orElse(null);
    }

    /** Whether this field carries strings whose UTF-8 validation can differ (a string, or a map with one). */
    public int stringParts() {
        if (kind == Kind.MAP) {
            String[] kv = type.substring(4, type.length() - 1).split(",", 2);
            return (kv[0].equals("string") ? 1 : 0) + (kv[1].equals("string") ? 1 : 0);
        }
        return type.equals("string") ? 1 : 0;
    }
}
