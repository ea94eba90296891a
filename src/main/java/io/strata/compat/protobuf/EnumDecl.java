package io.strata.compat.protobuf;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;

import java.util.List;

/**
 * An EnumDecl is one enum as the checks see it. Whether it is open (proto3: unknown numbers are kept)
 * or closed (proto2: unknown numbers go to the unknown fields) follows from the declaring file's syntax, or
 * in an edition file from its {@code enum_type} feature.
 */
public record EnumDecl(String fullName, String file, Features features, Location location,
                       List<EnumConstantElement> constants, List<ReservedElement> reserveds,
                       List<OptionElement> options) implements Declared {

    public EnumDecl {
        constants = List.copyOf(constants);
        reserveds = List.copyOf(reserveds);
        options = List.copyOf(options);
    }

    public boolean closed() {
        return features.closedEnum();
    }
}
