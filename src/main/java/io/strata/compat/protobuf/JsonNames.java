package io.strata.compat.protobuf;

/** JsonNames derives the default JSON name of a field the way protoc does: lowerCamelCase of the name. */
final class JsonNames {

    private JsonNames() {
    }

    static String of(String fieldName) {
        StringBuilder out = new StringBuilder(fieldName.length());
        boolean upper = false;
        for (char c : fieldName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else if (upper) {
                out.append(Character.toUpperCase(c));
                upper = false;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
