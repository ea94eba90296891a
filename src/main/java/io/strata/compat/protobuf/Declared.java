package io.strata.compat.protobuf;

/** Declared is anything a file declares under a full name: messages, enums, services. */
sealed interface Declared permits MessageDecl, EnumDecl, ServiceDecl {
    String fullName();

    /** The import path of the declaring file. */
    String file();
}
