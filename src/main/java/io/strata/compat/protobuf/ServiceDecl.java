package io.strata.compat.protobuf;

import com.squareup.wire.schema.Location;

import java.util.List;

/** A ServiceDecl is one gRPC service with its RPCs, request and response types resolved to full names. */
public record ServiceDecl(String fullName, String file, Location location, List<Rpc> rpcs) implements Declared {

    /** One RPC; {@code idempotency} is its {@code idempotency_level} option, or null. */
    public record Rpc(String name, Location location, String requestType, boolean requestStreaming,
                      String responseType, boolean responseStreaming, String idempotency) {
    }

    public ServiceDecl {
        rpcs = List.copyOf(rpcs);
    }

    public Rpc rpc(String name) {
        return rpcs.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }
}
