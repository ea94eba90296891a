package io.strata.registry;

import io.strata.compat.CompatibilityLevel;

import java.util.Optional;

/** RegistryConfig is the use case behind the compatibility levels and modes, global and per subject. */
public final class RegistryConfig {

    private final RegistryCore core;

    public RegistryConfig(RegistryCore core) {
        this.core = core;
    }

    public CompatibilityLevel globalLevel() {
        return core.store().transaction(tx -> RegistryCore.levelOf(tx, null));
    }

    public CompatibilityLevel setGlobalLevel(String level, String actor) {
        CompatibilityLevel parsed = SubjectWrites.level(level);
        CompatibilityLevel set = core.store().transaction(tx -> {
            tx.lockForWrite();
            return writeGlobalLevel(tx, parsed, actor);
        });
        core.changed();
        return set;
    }

    /**
     * Sets the global level and/or the global mode (null leaves one as it is) in one transaction, after checking
     * both: a request that names a valid level and an unknown mode changes nothing.
     */
    public void setGlobal(String level, String mode, String actor) {
        CompatibilityLevel parsedLevel = level == null ? null : SubjectWrites.level(level);
        String parsedMode = mode == null ? null : Modes.parse(mode);
        core.store().transaction(tx -> {
            tx.lockForWrite();
            if (parsedLevel != null) {
                writeGlobalLevel(tx, parsedLevel, actor);
            }
            if (parsedMode != null) {
                writeMode(tx, null, parsedMode, actor);
            }
            return null;
        });
        core.changed();
    }

    private static CompatibilityLevel writeGlobalLevel(RegistryTransaction tx, CompatibilityLevel level, String actor) {
        String before = tx.configs().get("compatibility").orElse("BACKWARD");
        tx.configs().set("compatibility", level.name());
        tx.audit().append(actor, "config.updated", "config", null, null, AuditDetails.of("compatibility", level.name(), "was", before));
        return level;
    }

    /** The subject's own level, empty when it follows the global one. */
    public Optional<CompatibilityLevel> subjectLevel(String subject) {
        return core.store().transaction(tx -> Optional.ofNullable(RegistryCore.requireSubject(tx, subject).compatibility())
                .map(CompatibilityLevel::valueOf));
    }

    /** The level that applies to {@code subject}. */
    public CompatibilityLevel effectiveLevel(String subject) {
        return core.store().transaction(tx -> RegistryCore.levelOf(tx, RegistryCore.requireSubject(tx, subject)));
    }

    public String mode(String subject) {
        return core.store().transaction(tx -> {
            if (subject != null) {
                RegistryCore.requireSubject(tx, subject);
            }
            return Modes.of(tx, subject);
        });
    }

    public String setMode(String subject, String mode, String actor) {
        String parsed = Modes.parse(mode);
        return core.store().transaction(tx -> {
            tx.lockForWrite();
            if (subject != null) {
                RegistryCore.requireSubject(tx, subject);
            }
            return writeMode(tx, subject, parsed, actor);
        });
    }

    private static String writeMode(RegistryTransaction tx, String subject, String mode, String actor) {
        tx.configs().set(subject == null ? "mode" : "mode:" + subject, mode);
        tx.audit().append(actor, "mode.updated", subject == null ? "config" : "subject/" + subject, null, null,
                AuditDetails.of("mode", mode));
        return mode;
    }

    /** Removes a subject's own mode, so the global one applies again; the mode that now applies. */
    public String deleteMode(String subject, String actor) {
        return core.store().transaction(tx -> {
            tx.lockForWrite();
            RegistryCore.requireSubject(tx, subject);
            tx.configs().delete("mode:" + subject);
            tx.audit().append(actor, "mode.deleted", "subject/" + subject, null, null, null);
            return Modes.of(tx, subject);
        });
    }
}
