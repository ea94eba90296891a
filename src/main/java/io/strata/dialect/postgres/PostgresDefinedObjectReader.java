package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresCatalogRows.InSchema;
import io.strata.error.StrataException;
import io.strata.model.DefinedObject;
import io.strata.model.ObjectKind;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PostgresDefinedObjectReader reads the functions, procedures, triggers, policies, row-level security switches and
 * grants of the inspected schemas, each as the definition the server prints for it ({@code pg_get_functiondef},
 * {@code pg_get_triggerdef}) or, where the server prints none, as the statement that creates it.
 * <p>
 * Left out, because they are not the user's schema: objects an extension created ({@code pg_trgm}'s functions);
 * Strata's own sync functions and triggers, which live only between the phases of a column swap; triggers a
 * partition inherits from its parent; and the privileges every object has without a GRANT, which differ with who
 * created it rather than with what the schema says: the owner's own, {@code EXECUTE} on a routine for
 * {@code PUBLIC}, {@code PUBLIC}'s default access to schema {@code public}. So a database and its SQL files replayed
 * by another login on a scratch server compare equal.
 */
final class PostgresDefinedObjectReader {

    private static final String NOT_EXTENSION_MEMBER = """
             NOT EXISTS (SELECT 1 FROM pg_depend xd
                         WHERE xd.classid = '%s'::regclass AND xd.objid = %s AND xd.deptype = 'e') """;

    /** Functions and procedures; {@code oidvectortypes(proargtypes)} is the signature DROP and GRANT name them by. */
    private static final String ROUTINES = """
            SELECT n.nspname, p.proname, oidvectortypes(p.proargtypes) AS argtypes, p.prokind,
                   pg_get_functiondef(p.oid) AS definition
            FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = ANY(?) AND p.prokind IN ('f', 'p')
              AND p.proname NOT LIKE 'strata\\_sync\\_%' AND""" + notExtensionMember("pg_proc", "p.oid");

    /** Triggers the user created: not the server's own for constraints, nor the copies a partition inherits. */
    private static final String TRIGGERS = """
            SELECT n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid, true) AS definition
            FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY(?) AND NOT t.tgisinternal AND %s
              AND t.tgname NOT LIKE 'strata\\_sync\\_%%' AND""" + notExtensionMember("pg_class", "c.oid").replace("%", "%%");

    private static final String POLICIES = """
            SELECT n.nspname, c.relname, pol.polname, pol.polcmd, pol.polpermissive,
                   ARRAY(SELECT CASE WHEN r = 0 THEN NULL ELSE pg_get_userbyid(r) END
                         FROM unnest(pol.polroles) r ORDER BY 1 NULLS FIRST) AS roles,
                   pg_get_expr(pol.polqual, pol.polrelid) AS qual,
                   pg_get_expr(pol.polwithcheck, pol.polrelid) AS with_check
            FROM pg_policy pol
            JOIN pg_class c ON c.oid = pol.polrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY(?) AND""" + notExtensionMember("pg_class", "c.oid");

    private static final String ROW_SECURITY = """
            SELECT n.nspname, c.relname, c.relforcerowsecurity
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY(?) AND c.relrowsecurity AND""" + notExtensionMember("pg_class", "c.oid");

    /**
     * Privileges granted on tables, views, sequences, routines and schemas (parameters: the schema names three
     * times). A NULL ACL means the defaults, which {@code aclexplode} yields nothing for.
     */
    private static final String GRANTS = """
            SELECT n.nspname, c.relname AS object, c.relkind::text AS kind, NULL AS argtypes, a.privilege_type,
                   CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END AS grantee, a.is_grantable
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL aclexplode(c.relacl) a
            WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND a.grantee <> c.relowner
              AND""" + notExtensionMember("pg_class", "c.oid") + """
            UNION ALL
            SELECT n.nspname, p.proname, p.prokind::text, oidvectortypes(p.proargtypes), a.privilege_type,
                   CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END, a.is_grantable
            FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            CROSS JOIN LATERAL aclexplode(p.proacl) a
            WHERE n.nspname = ANY(?) AND p.prokind IN ('f', 'p') AND a.grantee <> p.proowner
              AND NOT (a.grantee = 0 AND a.privilege_type = 'EXECUTE')
              AND p.proname NOT LIKE 'strata\\_sync\\_%' AND""" + notExtensionMember("pg_proc", "p.oid") + """
            UNION ALL
            SELECT n.nspname, NULL, 'n', NULL, a.privilege_type,
                   CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END, a.is_grantable
            FROM pg_namespace n
            CROSS JOIN LATERAL aclexplode(n.nspacl) a
            WHERE n.nspname = ANY(?) AND a.grantee <> n.nspowner
              AND NOT (n.nspname = 'public' AND a.grantee = 0 AND (a.privilege_type = 'USAGE'
                       OR (a.privilege_type = 'CREATE' AND current_setting('server_version_num')::int < 150000)))""";

    /**
     * A Grant is one privilege of one grantee on one object, as the {@code GRANT} statement that gives it: the
     * definition of a {@link io.strata.model.ObjectKind#GRANT} object. The inspector writes it and the planner reads it
     * back to revoke it, so its text has one form: every name quoted, the grantee quoted or {@code PUBLIC}.
     *
     * @param privilege a privilege keyword ({@code SELECT}, {@code EXECUTE}, {@code USAGE}...)
     * @param target    what it is granted on, with its kind ({@code TABLE "public"."orders"}, {@code SCHEMA "app"},
     *                  {@code FUNCTION "public"."total"(integer)})
     * @param grantee   the grantee as SQL: a quoted role name or {@code PUBLIC}
     * @param grantable whether the grantee may grant it on (WITH GRANT OPTION)
     */
    record Grant(String privilege, String target, String grantee, boolean grantable) {

        private static final Pattern GRANT = Pattern.compile(
                "^GRANT ([A-Z ]+?) ON (.+) TO (PUBLIC|\"(?:[^\"]|\"\")*\")( WITH GRANT OPTION)?$", Pattern.DOTALL);

        /** The grant a definition states; a definition in another form is refused with its text. */
        static Grant parse(String definition) {
            Matcher m = GRANT.matcher(definition.strip());
            if (!m.matches()) {
                throw StrataException.badInput("cannot read the privilege \"" + definition
                        + "\": expected GRANT <privilege> ON <object> TO <role or PUBLIC> [WITH GRANT OPTION]");
            }
            return new Grant(m.group(1), m.group(2), m.group(3), m.group(4) != null);
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

    private final PostgresCatalogRows rows;
    private final PostgresQuoter quoter;
    private final PostgresClauses clauses;

    PostgresDefinedObjectReader(PostgresCatalogRows rows, PostgresQuoter quoter) {
        this.rows = rows;
        this.quoter = quoter;
        this.clauses = new PostgresClauses(quoter);
    }

    /** The defined objects of each schema of {@code schemas}, by schema name, each list sorted by identity. */
    Map<String, List<DefinedObject>> read(Connection c, String[] schemas, int versionNum) throws SQLException {
        List<InSchema<DefinedObject>> out = new ArrayList<>();
        out.addAll(rows.query(c, ROUTINES, new Object[] {schemas}, this::routine));
        // Up to PostgreSQL 12 a partition's copy of its parent's trigger is internal; from 13 it names its parent.
        out.addAll(rows.query(c, TRIGGERS.formatted(versionNum >= 130_000 ? "t.tgparentid = 0" : "true"),
                new Object[] {schemas}, rs -> new InSchema<>(rs.getString(1),
                        new DefinedObject(ObjectKind.TRIGGER, rs.getString(3), rs.getString(2), rs.getString(4)))));
        out.addAll(rows.query(c, POLICIES, new Object[] {schemas}, this::policy));
        out.addAll(rows.query(c, ROW_SECURITY, new Object[] {schemas}, this::rowSecurity));
        out.addAll(rows.query(c, GRANTS, new Object[] {schemas, schemas, schemas}, this::grant));
        return out.stream().collect(Collectors.groupingBy(InSchema::schema, Collectors.collectingAndThen(
                Collectors.mapping(InSchema::value, Collectors.toList()),
                list -> PostgresCatalogRows.sorted(list, DefinedObject::identity))));
    }

    private InSchema<DefinedObject> routine(ResultSet rs) throws SQLException {
        ObjectKind kind = "p".equals(rs.getString("prokind")) ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION;
        String signature = rs.getString(2) + "(" + rs.getString("argtypes") + ")";
        // pg_get_functiondef ends with a line break that no statement needs.
        return new InSchema<>(rs.getString(1), new DefinedObject(kind, signature, null, rs.getString("definition").strip()));
    }

    private InSchema<DefinedObject> policy(ResultSet rs) throws SQLException {
        String schema = rs.getString(1);
        String table = rs.getString(2);
        String name = rs.getString(3);
        String command = switch (rs.getString("polcmd")) {
            case "r" -> "SELECT";
            case "a" -> "INSERT";
            case "w" -> "UPDATE";
            case "d" -> "DELETE";
            default -> "ALL";
        };
        List<String> roles = new ArrayList<>();
        for (String role : PostgresCatalogRows.strings(rs, "roles")) {
            roles.add(role == null ? "PUBLIC" : quoter.ident(role));
        }
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(quoter.ident(name)).append(" ON ")
                .append(quoter.qualified(schema, table))
                .append(rs.getBoolean("polpermissive") ? " AS PERMISSIVE" : " AS RESTRICTIVE")
                .append(" FOR ").append(command)
                .append(" TO ").append(String.join(", ", roles));
        String qual = rs.getString("qual");
        if (qual != null) {
            sql.append(" USING (").append(qual).append(')');
        }
        String check = rs.getString("with_check");
        if (check != null) {
            sql.append(" WITH CHECK (").append(check).append(')');
        }
        return new InSchema<>(schema, new DefinedObject(ObjectKind.POLICY, name, table, sql.toString()));
    }

    /** Named after its table, of which it is a switch: one per table. */
    private InSchema<DefinedObject> rowSecurity(ResultSet rs) throws SQLException {
        String schema = rs.getString(1);
        String table = rs.getString(2);
        return new InSchema<>(schema, new DefinedObject(ObjectKind.ROW_SECURITY, table, table,
                clauses.alterTable(schema, table, rowSecurity(true, rs.getBoolean(3)))));
    }

    /** The ALTER TABLE clauses that turn row-level security on or off, forced on the table's owner or not. */
    static String rowSecurity(boolean enabled, boolean forced) {
        return (enabled ? "ENABLE" : "DISABLE") + " ROW LEVEL SECURITY"
                + (forced ? ", FORCE ROW LEVEL SECURITY" : enabled ? "" : ", NO FORCE ROW LEVEL SECURITY");
    }

    /** Whether a row-level security definition forces the policies on the table's owner too. */
    static boolean forced(String definition) {
        return definition.endsWith(", FORCE ROW LEVEL SECURITY");
    }

    /**
     * A grant on a table, view or sequence belongs to it ({@code SELECT to app} on table {@code orders}); one on a
     * routine names the routine ({@code EXECUTE on total(integer) to app}); one on the schema is the schema's own.
     */
    private InSchema<DefinedObject> grant(ResultSet rs) throws SQLException {
        String schema = rs.getString(1);
        String object = rs.getString("object");
        String kind = rs.getString("kind");
        String privilege = rs.getString("privilege_type");
        String role = rs.getString("grantee");
        String grantee = role == null ? "PUBLIC" : quoter.ident(role);
        String to = privilege + " to " + (role == null ? "PUBLIC" : role);
        String target;
        String name = to;
        String table = null;
        switch (kind) {
            case "n" -> target = "SCHEMA " + quoter.ident(schema);
            case "f", "p" -> {
                String signature = object + "(" + rs.getString("argtypes") + ")";
                target = ("p".equals(kind) ? "PROCEDURE " : "FUNCTION ") + quoter.qualified(schema, object)
                        + "(" + rs.getString("argtypes") + ")";
                name = privilege + " on " + signature + " to " + (role == null ? "PUBLIC" : role);
            }
            default -> {
                target = ("S".equals(kind) ? "SEQUENCE " : "TABLE ") + quoter.qualified(schema, object);
                table = object;
            }
        }
        String definition = new Grant(privilege, target, grantee, rs.getBoolean("is_grantable")).grant();
        return new InSchema<>(schema, new DefinedObject(ObjectKind.GRANT, name, table, definition));
    }

    private static String notExtensionMember(String catalog, String oid) {
        // padded with blanks because a text block drops the blanks around the concatenation
        return " " + NOT_EXTENSION_MEMBER.formatted(catalog, oid).strip() + " ";
    }
}
