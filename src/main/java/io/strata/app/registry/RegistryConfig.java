package io.strata.app.registry;

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
            String before = tx.config("compatibility").orElse("BACKWARD");
            tx.setConfig("compatibility", parsed.name());
            tx.audit(actor, "config.updated", "config", null, null, AuditDetails.of("compatibility", parsed.name(),
                    "was", before));
            return parsed;
        });
        core.changed();
        return set;
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
            tx.setConfig(subject == null ? "mode" : "mode:" + subject, parsed);
            tx.audit(actor, "mode.updated", subject == null ? "config" : "subject/" + subject, null, null,
                    AuditDetails.of("mode", parsed));
            return parsed;
        });
    }

    /** Removes a subject's own mode, so the global one applies again; the mode that now applies. */
    public String deleteMode(String subject, String actor) {
        return core.store().transaction(tx -> {
            tx.lockForWrite();
            RegistryCore.requireSubject(tx, subject);
            tx.deleteConfig("mode:" + subject);
            tx.audit(actor, "mode.deleted", "subject/" + subject, null, null, null);
            return Modes.of(tx, subject);
        });
    }
}
