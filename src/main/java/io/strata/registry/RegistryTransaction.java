package io.strata.registry;

import io.strata.audit.AuditLog;

/**
 * A RegistryTransaction is one unit of work against the registry's repositories: everything read or written
 * through it commits or rolls back together. A port the store implements.
 */
public interface RegistryTransaction {

    SubjectRepository subjects();

    VersionRepository versions();

    BranchRepository branches();

    DependencyRepository dependencies();

    ConfigRepository configs();

    ReportRepository reports();

    AuditLog audit();

    /** Locks the audit head for the rest of the transaction: every write calls it first, so writers take turns. */
    void lockForWrite();

    /** A new global schema id, for a version: never handed out twice, across servers. */
    long nextId();

    /** A new id for a subject or a report. */
    long nextRowId();
}
