package io.strata.registry;


import java.util.Locale;
import java.util.Set;

/**
 * Modes are the registry's write switch, as in Confluent's registry: {@code READWRITE}, {@code READONLY},
 * or {@code IMPORT}, globally or per subject (the subject's wins).
 */
public final class Modes {

    public static final Set<String> ALL = Set.of("READWRITE", "READONLY", "IMPORT");

    private Modes() {
    }

    static String of(RegistryTransaction tx, String subject) {
        if (subject != null) {
            var own = tx.configs().get("mode:" + subject);
            if (own.isPresent()) {
                return own.get();
            }
        }
        return tx.configs().get("mode").orElse("READWRITE");
    }

    static void requireWritable(RegistryTransaction tx, String subject) {
        if ("READONLY".equals(of(tx, subject))) {
            throw new RegistryException(RegistryException.Reason.READ_ONLY, subject == null ? "the registry is read-only"
                    : "subject \"" + subject + "\" is read-only");
        }
    }

    static String parse(String mode) {
        String wanted = mode == null ? "" : mode.trim().toUpperCase(Locale.ROOT);
        if (!ALL.contains(wanted)) {
            throw new RegistryException(RegistryException.Reason.INVALID_MODE, "unknown mode \"" + mode
                    + "\" (READWRITE, READONLY or IMPORT)");
        }
        return wanted;
    }
}
