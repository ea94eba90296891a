package io.strata.dialect.postgres;

/**
 * PostgresCatalogQueries is the fixed set of catalog queries {@link PostgresInspector} runs: one per
 * object kind, each covering every requested schema at once through {@code nspname = ANY(?)}, so the
 * cost of an inspection does not grow with the number of tables. Requires PostgreSQL 12 or later.
 */
final class PostgresCatalogQueries {

    /** Objects created by an extension belong to the extension, not to the user's schema. */
    private static final String NOT_EXTENSION_MEMBER = """
            NOT EXISTS (SELECT 1 FROM pg_depend xd
                        WHERE xd.classid = %s::regclass AND xd.objid = %s AND xd.deptype = 'e')""";

    static final String VERSION = "SELECT current_setting('server_version'), current_setting('server_version_num')::int";

    /** Parameters: the requested schema names twice; an empty array selects every user schema. */
    static final String SCHEMAS = """
            SELECT n.nspname, d.description
            FROM pg_namespace n
            LEFT JOIN pg_description d
                   ON d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass AND d.objsubid = 0
            WHERE (cardinality(?::text[]) = 0
                   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                   AND n.nspname NOT LIKE 'pg\\_toast%'
                   AND n.nspname NOT LIKE 'pg\\_temp\\_%'
                   AND """ + notExtensionMember("pg_namespace", "n.oid") + """
                  )
               OR n.nspname = ANY(?::text[])
            ORDER BY n.nspname""";

    static final String TABLES = """
            SELECT n.nspname, c.relname, c.relpersistence, c.relispartition,
                   CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_by,
                   CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
                   ARRAY(SELECT pn.nspname FROM pg_inherits i
                         JOIN pg_class p ON p.oid = i.inhparent
                         JOIN pg_namespace pn ON pn.oid = p.relnamespace
                         WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parent_schemas,
                   ARRAY(SELECT p.relname FROM pg_inherits i
                         JOIN pg_class p ON p.oid = i.inhparent
                         WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parent_names,
                   d.description
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_description d
                   ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
            WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'p')
              AND """ + notExtensionMember("pg_class", "c.oid");

    /**
     * Every column of every table. Defaults and identity sequences are looked up only for the columns
     * that have them (scalar subqueries behind CASE), and rows come unsorted: sorting 30,000 wide rows
     * on the server spilled to disk and doubled the query's time, so the inspector orders by attnum.
     */
    static final String COLUMNS = """
            SELECT n.nspname, c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type_text,
                   t.typtype, tn.nspname AS type_schema, t.typname,
                   et.typtype AS elem_typtype, etn.nspname AS elem_schema, et.typname AS elem_name,
                   a.attnotnull, a.attidentity, a.attgenerated,
                   CASE WHEN a.atthasdef THEN
                        (SELECT pg_get_expr(ad.adbin, ad.adrelid) FROM pg_attrdef ad
                         WHERE ad.adrelid = a.attrelid AND ad.adnum = a.attnum) END AS expr,
                   CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END AS collation,
                   con.nspname AS collation_schema,
                   CASE WHEN a.attidentity <> '' THEN
                        (SELECT concat_ws(',', s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                                          s.seqtypid::regtype) FROM pg_depend idep
                         JOIN pg_sequence s ON s.seqrelid = idep.objid
                         WHERE idep.classid = 'pg_class'::regclass AND idep.refclassid = 'pg_class'::regclass
                           AND idep.refobjid = a.attrelid AND idep.refobjsubid = a.attnum AND idep.deptype = 'i')
                   END AS identity_sequence,
                   d.description
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            JOIN pg_namespace tn ON tn.oid = t.typnamespace
            LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
            LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_namespace con ON con.oid = co.collnamespace
            LEFT JOIN pg_description d
                   ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
            WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
              AND """ + notExtensionMember("pg_class", "c.oid");

    /**
     * Primary keys, uniques, foreign keys, checks and exclusions. Constraints a partition inherits from
     * its parent ({@code conparentid}) and checks a child only inherits ({@code NOT conislocal}) are
     * implied by the parent, so they are left out. Definitions are printed only for checks and
     * exclusions, the kinds that need them (printing every key's cost a third of the query). The
     * {@code %s} is the NULLS NOT DISTINCT column (PG 15+).
     */
    static final String CONSTRAINTS = """
            SELECT n.nspname, c.relname, k.conname, k.contype, k.condeferrable, k.condeferred, k.connoinherit,
                   CASE WHEN k.contype IN ('c', 'x') THEN pg_get_constraintdef(k.oid, true) END AS def,
                   ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
                         ORDER BY u.ord) AS cols,
                   fn.nspname AS ref_schema, f.relname AS ref_table,
                   CASE WHEN k.contype = 'f' THEN
                        ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                              JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum
                              ORDER BY u.ord) END AS ref_cols,
                   k.confupdtype, k.confdeltype,
                   %s AS nulls_not_distinct
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class f ON f.oid = k.confrelid
            LEFT JOIN pg_namespace fn ON fn.oid = f.relnamespace
            LEFT JOIN pg_index ix ON ix.indexrelid = k.conindid
            WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'p') AND k.contype IN ('p', 'u', 'f', 'c', 'x')
              AND k.conparentid = 0 AND k.conislocal
              AND """ + notExtensionMember("pg_class", "c.oid");

    /**
     * One row per index column (key parts, then INCLUDE columns). Indexes that back a primary key,
     * unique or exclusion constraint belong to the constraint; indexes attached to a partitioned
     * parent's index are created by it. Materialized views ({@code relkind 'm'}) have indexes too.
     */
    static final String INDEXES = """
            SELECT n.nspname, c.relname, ic.relname AS index_name, am.amname, i.indisunique,
                   pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
                   k.k > i.indnkeyatts AS included,
                   a.attname,
                   CASE WHEN i.indkey[k.k - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k.k, true) END AS expr,
                   k.k <= i.indnkeyatts AND (i.indoption[k.k - 1] & 1) = 1 AS descending,
                   CASE WHEN NOT opc.opcdefault THEN opc.opcname END AS opclass,
                   d.description
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_am am ON am.oid = ic.relam
            CROSS JOIN LATERAL generate_series(1, i.indnatts) AS k(k)
            LEFT JOIN pg_attribute a
                   ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.k - 1] AND i.indkey[k.k - 1] <> 0
            LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k.k - 1] AND k.k <= i.indnkeyatts
            LEFT JOIN pg_description d
                   ON d.objoid = ic.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
            WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'p', 'm') AND NOT ic.relispartition
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k2
                              WHERE k2.conindid = i.indexrelid AND k2.conrelid = i.indrelid
                                AND k2.contype IN ('p', 'u', 'x'))
              AND """ + notExtensionMember("pg_class", "c.oid") + """

            ORDER BY n.nspname, c.relname, ic.relname, k.k""";

    static final String VIEWS = """
            SELECT n.nspname, c.relname, c.relkind = 'm' AS materialized, pg_get_viewdef(c.oid, true) AS def,
                   ARRAY(SELECT a.attname FROM pg_attribute a
                         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                         ORDER BY a.attnum) AS cols,
                   d.description
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_description d
                   ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
            WHERE n.nspname = ANY(?) AND c.relkind IN ('v', 'm')
              AND """ + notExtensionMember("pg_class", "c.oid");

    static final String ENUMS = """
            SELECT n.nspname, t.typname,
                   ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels
            FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = ANY(?) AND t.typtype = 'e'
              AND """ + notExtensionMember("pg_type", "t.oid");

    /** Sequences, apart from those an identity column owns (deptype 'i'); serial ones (deptype 'a') name their owner. */
    static final String SEQUENCES = """
            SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL) AS data_type,
                   s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   oc.relname AS owner_table, oa.attname AS owner_column
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_sequence s ON s.seqrelid = c.oid
            LEFT JOIN pg_depend dep
                   ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid
                  AND dep.refclassid = 'pg_class'::regclass AND dep.refobjsubid > 0 AND dep.deptype IN ('a', 'i')
            LEFT JOIN pg_class oc ON oc.oid = dep.refobjid
            LEFT JOIN pg_attribute oa ON oa.attrelid = dep.refobjid AND oa.attnum = dep.refobjsubid
            WHERE n.nspname = ANY(?) AND c.relkind = 'S' AND (dep.deptype IS NULL OR dep.deptype <> 'i')
              AND """ + notExtensionMember("pg_class", "c.oid");

    /**
     * Collations created in the requested schemas. The {@code %s} are the ICU/builtin locale and the ICU
     * rules, whose columns depend on the server version (see {@link #collations(int)}).
     */
    static final String COLLATIONS = """
            SELECT n.nspname, co.collname, co.collprovider, co.collisdeterministic,
                   %s AS locale,
                   CASE WHEN co.collprovider = 'c' THEN co.collcollate END AS lc_collate,
                   CASE WHEN co.collprovider = 'c' THEN co.collctype END AS lc_ctype,
                   %s AS rules,
                   d.description
            FROM pg_collation co
            JOIN pg_namespace n ON n.oid = co.collnamespace
            LEFT JOIN pg_description d
                   ON d.objoid = co.oid AND d.classoid = 'pg_collation'::regclass AND d.objsubid = 0
            WHERE n.nspname = ANY(?)
              AND """ + notExtensionMember("pg_collation", "co.oid");

    static final String EXTENSIONS = """
            SELECT e.extname, n.nspname, e.extversion
            FROM pg_extension e
            JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE n.nspname = ANY(?)""";

    private PostgresCatalogQueries() {
    }

    /** The constraints query for a server of {@code versionNum} ({@code server_version_num}). */
    static String constraints(int versionNum) {
        return CONSTRAINTS.formatted(versionNum >= 150_000 ? "coalesce(ix.indnullsnotdistinct, false)" : "false");
    }

    /**
     * The collations query for a server of {@code versionNum}. The ICU locale moved from
     * {@code collcollate} (before 15) to {@code colliculocale} (15, 16) to {@code colllocale} (17+, which
     * also holds the builtin provider's locale); ICU rules exist from 16.
     */
    static String collations(int versionNum) {
        String locale = versionNum >= 170_000 ? "co.colllocale"
                : versionNum >= 150_000 ? "co.colliculocale"
                : "CASE WHEN co.collprovider = 'i' THEN co.collcollate END";
        String rules = versionNum >= 160_000 ? "co.collicurules" : "NULL::text";
        return COLLATIONS.formatted(locale, rules);
    }

    private static String notExtensionMember(String catalog, String oid) {
        // padded with blanks because a text block drops the trailing blank before the concatenation
        return " " + NOT_EXTENSION_MEMBER.formatted("'" + catalog + "'", oid) + " ";
    }
}
