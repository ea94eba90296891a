package io.strata.registry;


import java.util.List;

/** VersionLookup finds a version of a subject's branch by number or {@code latest}, with the registry's errors. */
public final class VersionLookup {

    private VersionLookup() {
    }

    public static SchemaVersion find(RegistryTransaction tx, Subject subject, String branch, String version,
                              boolean includeDeleted) {
        return find(subject, tx.versions().of(subject.id(), branch, includeDeleted), branch, version);
    }

    /** {@code version} among {@code versions} (one branch's, in number order). */
    public static SchemaVersion find(Subject subject, List<SchemaVersion> versions, String branch, String version) {
        if ("latest".equalsIgnoreCase(version) || "-1".equals(version)) {
            List<SchemaVersion> live = versions.stream().filter(v -> !v.deleted()).toList();
            if (live.isEmpty()) {
                throw new RegistryException(RegistryException.Reason.VERSION_NOT_FOUND,
                        "subject \"" + subject.name() + "\" has no live version");
            }
            return live.get(live.size() - 1);
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1) {
            throw new RegistryException(RegistryException.Reason.INVALID_VERSION, "version \"" + version
                    + "\" is not a version number (1 or more) or \"latest\"");
        }
        int wanted = number;
        return versions.stream().filter(v -> v.version() == wanted).findFirst().orElseThrow(() -> new RegistryException(
                RegistryException.Reason.VERSION_NOT_FOUND, "subject \"" + subject.name() + "\" has no version " + wanted
                + (RegistryCore.MAIN.equals(branch) ? "" : " on branch \"" + branch + "\"")));
    }
}
