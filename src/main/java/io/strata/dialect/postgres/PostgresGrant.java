package io.strata.dialect.postgres;

import io.strata.error.StrataException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgresGrant is one privilege of one grantee on one object, as the {@code GRANT} statement that gives it: the
 * definition of a {@link io.strata.model.ObjectKind#GRANT} object. The inspector writes it and the planner reads it
 * back to revoke it, so its text has one form: every name quoted, the grantee quoted or {@code PUBLIC}.
 *
 * @param privilege a privilege keyword ({@code SELECT}, {@code EXECUTE}, {@code USAGE}...)
 * @param target    what it is granted on, with its kind ({@code TABLE "public"."orders"}, {@code SCHEMA "app"},
 *                  {@code FUNCTION "public"."total"(integer)})
 * @param grantee   the grantee as SQL: a quoted role name or {@code PUBLIC}
 * @param grantable whether the grantee may grant it on (WITH GRANT OPTION)
 */
record PostgresGrant(String privilege, String target, String grantee, boolean grantable) {

    private static final Pattern GRANT = Pattern.compile(
            "^GRANT ([A-Z ]+?) ON (.+) TO (PUBLIC|\"(?:[^\"]|\"\")*\")( WITH GRANT OPTION)?$", Pattern.DOTALL);

    /** The grant a definition states; a definition in another form is refused with its text. */
    static PostgresGrant parse(String definition) {
        Matcher m = GRANT.matcher(definition.strip());
        if (!m.matches()) {
            throw StrataException.badInput("cannot read the privilege \"" + definition
                    + "\": expected GRANT <privilege> ON <object> TO <role or PUBLIC> [WITH GRANT OPTION]");
        }
        return new PostgresGrant(m.group(1), m.group(2), m.group(3), m.group(4) != null);
    }

    String grant() {
        return "GRANT " + privilege + " ON " + target + " TO " + grantee + (grantable ? " WITH GRANT OPTION" : "");
    }

    String revoke() {
        return "REVOKE " + privilege + " ON " + target + " FROM " + grantee;
    }

    /** Takes back only the right to grant the privilege on; the privilege stays. */
    String revokeGrantOption() {
        return "REVOKE GRANT OPTION FOR " + privilege + " ON " + target + " FROM " + grantee;
    }
}
