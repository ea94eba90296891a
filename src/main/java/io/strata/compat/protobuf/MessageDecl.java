package io.strata.compat.protobuf;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;

import java.util.List;

/**
 * A MessageDecl is one message (or proto2 group) as the checks see it: its full name, the file that
 * declares it, and its fields already resolved against the whole schema.
 *
 * @param fullName  {@code package.Outer.Inner}
 * @param file      the import path of the declaring file
 * @param oneofs    the names of its oneofs (proto3 {@code optional} fields are not oneofs here)
 */
public record MessageDecl(String fullName, String file, Features features, Location location, List<ProtoField> fields,
                          List<String> oneofs, List<ReservedElement> reserveds, List<ExtensionsElement> extensions,
                          List<OptionElement> options) implements Declared {

    public MessageDecl {
        fields = List.copyOf(fields);
        oneofs = List.copyOf(oneofs);
        reserveds = List.copyOf(reserveds);
        extensions = List.copyOf(extensions);
        options = List.copyOf(options);
    }

    public ProtoField field(int number) {
        return fields.stream().filter(f -> f.number() == number).findFirst().orElse(null);
    }
}
