package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlDdlCursor.Name;
import io.strata.model.DefinedObject;
import io.strata.model.ObjectKind;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.View;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MySqlLandingSchema is what the databases a statement names show now, for {@link MySqlStatementLanding}:
 * tables and views as the inspector reads them (the model the planner wrote its statements from, so both sides
 * compare in one form), triggers, and the server's default collations; each read once, when first asked for.
 */
final class MySqlLandingSchema {

    /** A trigger as information_schema.TRIGGERS shows it. */
    record Trigger(String table, String timing, String event, String body) {
    }

    private final Connection connection;
    private final MySqlInspector inspector = new MySqlInspector();
    private final Map<String, Optional<Schema>> schemas = new HashMap<>();
    private String current;
    private Boolean foldsCase;
    private MySqlVersion version;

    MySqlLandingSchema(Connection connection) {
        this.connection = connection;
    }

    /** The connection's database, which unqualified names are in; null when it has none. */
    String current() throws SQLException {
        if (current == null) {
            current = value(MySqlCatalogQueries.CURRENT_DATABASE);
        }
        return current;
    }

    MySqlVersion version() throws SQLException {
        if (version == null) {
            version = MySqlVersion.parse(value(MySqlCatalogQueries.VERSION));
        }
        return version;
    }

    String schemaOf(Name name) throws SQLException {
        return name.schema() != null ? name.schema() : current();
    }

    Optional<Table> table(Name name) throws SQLException {
        boolean folds = foldsCase();
        return schema(schemaOf(name)).stream().flatMap(s -> s.tables().stream())
                .filter(t -> same(folds, t.name(), name.name())).findFirst();
    }

    Optional<View> view(Name name) throws SQLException {
        boolean folds = foldsCase();
        return schema(schemaOf(name)).stream().flatMap(s -> s.views().stream())
                .filter(v -> same(folds, v.name(), name.name())).findFirst();
    }

    /** Whether a table or a view of that name exists: either blocks a CREATE or RENAME to the name. */
    boolean exists(Name name) throws SQLException {
        return table(name).isPresent() || view(name).isPresent();
    }

    /** The function, procedure or event of that name as the inspector reads it; their names ignore letter case. */
    Optional<DefinedObject> program(ObjectKind kind, Name name) throws SQLException {
        return schema(schemaOf(name)).stream().flatMap(s -> s.objects().stream())
                .filter(o -> o.kind() == kind && o.name().equalsIgnoreCase(name.name())).findFirst();
    }

    Optional<Trigger> trigger(Name name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT EVENT_OBJECT_TABLE, ACTION_TIMING, "
                + "EVENT_MANIPULATION, ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? "
                + "AND TRIGGER_NAME = ?")) {
            ps.setString(1, schemaOf(name));
            ps.setString(2, name.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Trigger(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.empty();
            }
        }
    }

    /** The collation a column or table stated only with {@code CHARACTER SET cs} gets; null when unknown. */
    String defaultCollation(String charset) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COLLATION_NAME FROM information_schema.COLLATIONS "
                + "WHERE CHARACTER_SET_NAME = ? AND IS_DEFAULT = 'Yes'")) {
            ps.setString(1, charset);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Whether two table names name the same table. */
    boolean sameTable(String a, String b) throws SQLException {
        return same(foldsCase(), a, b);
    }

    /**
     * Whether the server keeps table names as written ({@code lower_case_table_names = 0}), so that they compare
     * in their case, or folds them, so that either case names the same table.
     */
    private boolean foldsCase() throws SQLException {
        if (foldsCase == null) {
            foldsCase = !"0".equals(value("SELECT @@lower_case_table_names"));
        }
        return foldsCase;
    }

    private static boolean same(boolean foldsCase, String a, String b) {
        return foldsCase ? a.equalsIgnoreCase(b) : a.equals(b);
    }

    private Optional<Schema> schema(String name) throws SQLException {
        if (name == null) {
            return Optional.empty();
        }
        Optional<Schema> known = schemas.get(name);
        if (known == null) {
            known = exists(name) ? Optional.of(inspector.inspect(connection, List.of(name)).schemas().get(0)) : Optional.empty();
            schemas.put(name, known);
        }
        return known;
    }

    private boolean exists(String database) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private String value(String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
