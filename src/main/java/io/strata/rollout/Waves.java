package io.strata.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Waves split the environments of one step of the promotion order into waves: {@code 1} (one canary),
 * {@code 10%} (a share of all of them, at least one), {@code rest} (whatever is left). A spec that does not
 * end in {@code rest} gets one: every environment is in some wave.
 */
public final class Waves {

    private Waves() {
    }

    /** {@code environments} (already in order) in waves, none empty. */
    public static List<List<Environment>> split(List<Environment> environments, List<String> spec) {
        List<List<Environment>> waves = new ArrayList<>();
        int next = 0;
        int total = environments.size();
        for (String item : spec == null ? List.<String>of() : spec) {
            if (next >= total) {
                break;
            }
            int size = size(item.trim().toLowerCase(Locale.ROOT), total, total - next);
            waves.add(List.copyOf(environments.subList(next, next + size)));
            next += size;
        }
        if (next < total) {
            waves.add(List.copyOf(environments.subList(next, total)));
        }
        return waves;
    }

    private static int size(String item, int total, int left) {
        if (item.equals("rest")) {
            return left;
        }
        try {
            if (item.endsWith("%")) {
                double percent = Double.parseDouble(item.substring(0, item.length() - 1));
                if (percent <= 0 || percent > 100) {
                    throw new IllegalArgumentException();
                }
                return Math.min(left, Math.max(1, (int) Math.ceil(total * percent / 100)));
            }
            int count = Integer.parseInt(item);
            if (count < 1) {
                throw new IllegalArgumentException();
            }
            return Math.min(left, count);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("wave \"" + item + "\" is not a count (1), a share (10%) or rest");
        }
    }
}
