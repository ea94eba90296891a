package io.strata.compat.protobuf;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import io.strata.error.StrataException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ProtoValidation catches what Wire's parser accepts but protoc refuses and the checks would misread:
 * two fields of a message sharing a number or a name.
 */
final class ProtoValidation {

    private ProtoValidation() {
    }

    static void check(String path, ProtoFileElement file) {
        file.getTypes().forEach(t -> check(path, t));
    }

    private static void check(String path, TypeElement type) {
        if (type instanceof MessageElement m) {
            List<FieldElement> fields = new ArrayList<>(m.getFields());
            m.getOneOfs().stream().map(OneOfElement::getFields).forEach(fields::addAll);
            Map<Integer, String> numbers = new HashMap<>();
            Map<String, Integer> names = new HashMap<>();
            for (FieldElement f : fields) {
                String earlier = numbers.putIfAbsent(f.getTag(), f.getName());
                if (earlier != null) {
                    throw bad(f.getLocation(), "field \"" + f.getName() + "\" of message \"" + m.getName()
                            + "\" uses number " + f.getTag() + ", already used by \"" + earlier + "\"");
                }
                if (names.putIfAbsent(f.getName(), f.getTag()) != null) {
                    throw bad(f.getLocation(), "message \"" + m.getName() + "\" declares field \"" + f.getName()
                            + "\" twice");
                }
            }
        }
        type.getNestedTypes().forEach(n -> check(path, n));
    }

    private static StrataException bad(Location at, String what) {
        return StrataException.badInput("file \"" + at.getPath() + "\", " + at.getLine() + ":" + at.getColumn()
                + ": " + what);
    }
}
