package io.strata.dialect;

import java.util.List;

/**
 * DataCheckSql is how a dialect writes the bounded queries of the pre-flight data checks: each finds the rows
 * a step of a plan would fail on and returns, per row, the total count of such rows and the first few of them.
 * Every query has the same shape, {@code (total, value...)} with at most {@code limit} rows, so the executor reads
 * them all alike; the window count ({@code count(*) OVER ()}) is computed before {@code LIMIT}, so one query
 * gives both the count and the samples. What differs between the dialects are three names, given by each one's
 * {@link HistoryDialect#dataChecks()}.
 *
 * @param textType     the type any value casts to as text ({@code text}, MySQL's {@code CHAR})
 * @param decimalType  an exact number type wide enough for any column's value ({@code numeric}, {@code DECIMAL(65,30)})
 * @param regexMatch   the operator that matches text against a POSIX regular expression ({@code ~}, {@code REGEXP})
 * @param fillsRequiredColumns whether adding a NOT NULL column without default to a filled table succeeds, each row
 *                     given the type's implicit default ({@code ''}, 0): MySQL and MariaDB do, PostgreSQL refuses
 * @param inputs       whether a text reads as a date, a timestamp, a boolean or a uuid
 */
public record DataCheckSql(Quoter quoter, String textType, String decimalType, String regexMatch,
                           boolean fillsRequiredColumns, InputCheck inputs) {

    /** {@code expr} as text, whatever its type: the form a value is measured and matched in. */
    public String asText(String expr) {
        return "CAST(" + expr + " AS " + textType + ")";
    }

    /** The text {@code expr}, known to hold a number, as an exact number. */
    public String asDecimal(String expr) {
        return "CAST(" + expr + " AS " + decimalType + ")";
    }

    /** Whether {@code expr}, as text, does NOT match the regular expression {@code regex} (POSIX classes, no backslashes). */
    public String notMatching(String expr, String regex) {
        return "NOT (" + asText(expr) + " " + regexMatch + " " + quoter.literal(regex) + ")";
    }

    /**
     * The rows of {@code table} where {@code predicate} holds, with {@code shown} (expressions) as their samples, the
     * first ones in that order.
     */
    public String offendingRows(String table, List<String> shown, String predicate, int limit) {
        return "SELECT count(*) OVER ()" + texts(shown) + " FROM " + table + " WHERE " + predicate
                + (shown.isEmpty() ? "" : " ORDER BY " + String.join(", ", shown)) + " LIMIT " + limit;
    }

    /**
     * The values of {@code columns} (columns or expressions of the row) that more than one row of {@code table} holds,
     * all non-NULL (NULLs never collide in a unique key), one sample per value; the total counts every row holding such
     * a value. Only the rows where {@code where} holds count, when it is not null: a partial unique index.
     */
    public String duplicates(String table, List<String> columns, String where, int limit) {
        String list = String.join(", ", columns);
        String notNull = String.join(" AND ", columns.stream().map(c -> c + " IS NOT NULL").toList())
                + (where == null ? "" : " AND (" + where + ")");
        List<String> aliased = new java.util.ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            aliased.add(columns.get(i) + " AS v" + i);
        }
        List<String> inner = new java.util.ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            inner.add("d.v" + i);
        }
        return "SELECT sum(d.n) OVER ()" + texts(inner) + " FROM (SELECT " + String.join(", ", aliased)
                + ", count(*) AS n FROM " + table + " WHERE " + notNull + " GROUP BY " + list
                + " HAVING count(*) > 1) d ORDER BY " + String.join(", ", inner) + " LIMIT " + limit;
    }

    /**
     * The rows of {@code table} whose {@code columns}, all non-NULL, match no row of {@code parent} in
     * {@code parentColumns}: what a foreign key refuses.
     */
    public String orphans(String table, List<String> columns, String parent, List<String> parentColumns, int limit) {
        List<String> child = columns.stream().map(c -> "c." + c).toList();
        String notNull = String.join(" AND ", child.stream().map(c -> c + " IS NOT NULL").toList());
        List<String> join = new java.util.ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            join.add("p." + parentColumns.get(i) + " = c." + columns.get(i));
        }
        return "SELECT count(*) OVER ()" + texts(child) + " FROM " + table + " c WHERE " + notNull
                + " AND NOT EXISTS (SELECT 1 FROM " + parent + " p WHERE " + String.join(" AND ", join) + ") ORDER BY "
                + String.join(", ", child) + " LIMIT " + limit;
    }

    /**
     * {@code exprs} as text columns after the count, each with its leading comma; named apart from the table's
     * columns, so that {@code ORDER BY "id"} sorts by the column, not by its text.
     */
    private String texts(List<String> exprs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < exprs.size(); i++) {
            out.append(", ").append(asText(exprs.get(i))).append(" AS sample_").append(i);
        }
        return out.toString();
    }
}
