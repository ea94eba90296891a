package io.strata.rollout;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VersionLabel is what a rollout calls a subject's version in each environment's {@code strata_history}:
 * {@code subject@version}. Drift checks and health read it back to know what a rollout left there.
 */
public record VersionLabel(String subject, int version) {

    private static final Pattern LABEL = Pattern.compile("(.+)@(\\d+)");

    /** The label a history row carries, if a rollout wrote it. */
    public static Optional<VersionLabel> parse(String historyVersion) {
        Matcher m = LABEL.matcher(historyVersion);
        return m.matches() ? Optional.of(new VersionLabel(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    @Override
    public String toString() {
        return subject + "@" + version;
    }
}
