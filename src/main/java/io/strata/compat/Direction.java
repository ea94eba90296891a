package io.strata.compat;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A Direction is one way data or queries cross between a new version and an earlier one: BACKWARD, the new
 * version reads what the earlier one wrote (clients of the earlier version keep working against it); FORWARD,
 * the earlier version reads what the new one wrote (clients of the new version work against the earlier one).
 */
public enum Direction {
    BACKWARD(Role.OLD_WRITER, EnumSet.of(Role.OLD_READER, Role.OLD_WRITER)),
    FORWARD(Role.NEW_WRITER, EnumSet.of(Role.NEW_READER, Role.NEW_WRITER));

    private final Role writerRole;
    private final Set<Role> roles;

    Direction(Role writerRole, EnumSet<Role> roles) {
        this.writerRole = writerRole;
        this.roles = Collections.unmodifiableSet(roles);
    }

    /** The roles that keep working when this direction holds, in role order. */
    public Set<Role> roles() {
        return roles;
    }

    /**
     * The role whose data cannot be read when this direction fails: a record reader that cannot read data
     * breaks the producers that wrote it, not the consumers.
     */
    public Role writerRole() {
        return writerRole;
    }

    /** Of an earlier and the new version, the one that reads: the new one BACKWARD; FORWARD swaps them. */
    public <T> T reader(T earlier, T newer) {
        return this == BACKWARD ? newer : earlier;
    }

    /** Of an earlier and the new version, the one whose data is read. */
    public <T> T writer(T earlier, T newer) {
        return this == BACKWARD ? earlier : newer;
    }

    /** The roles that keep working when all of {@code directions} hold, in role order. */
    static Set<Role> rolesOf(Set<Direction> directions) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        directions.forEach(d -> roles.addAll(d.roles()));
        return Collections.unmodifiableSet(roles);
    }

    /** An unmodifiable copy of {@code directions} that iterates in direction order (BACKWARD first). */
    static Set<Direction> inOrder(Set<Direction> directions) {
        EnumSet<Direction> copy = EnumSet.noneOf(Direction.class);
        copy.addAll(directions);
        return Collections.unmodifiableSet(copy);
    }
}
