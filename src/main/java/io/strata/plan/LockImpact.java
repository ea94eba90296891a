package io.strata.plan;

/**
 * LockImpact says what a step does to concurrent clients of the table it touches.
 *
 * @param lock    the strongest lock it takes: PostgreSQL lock mode ({@code ACCESS EXCLUSIVE},
 *                {@code SHARE UPDATE EXCLUSIVE}...), MySQL {@code LOCK=NONE|SHARED|EXCLUSIVE} or
 *                metadata lock, or {@code NONE}
 * @param rewrite whether it rewrites the table (time grows with the table's size under the lock)
 * @param scan    whether it reads every row (validation) while holding {@code lock}
 */
public record LockImpact(String lock, boolean rewrite, boolean scan) {

    public static final LockImpact NONE = new LockImpact("NONE", false, false);

    /** Whether concurrent writers of the table are blocked for longer than a catalog update. */
    public boolean blocksWritersLong() {
        return (rewrite || scan) && !lock.equals("NONE") && !lock.contains("SHARE UPDATE EXCLUSIVE")
                && !lock.equals("LOCK=NONE");
    }
}
