package io.strata.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Backfill is a MIGRATE step that copies values into a new column of a populated table: one
 * {@code UPDATE} that the executor runs in batches of primary-key ranges, each batch committed with its
 * progress, so that writers wait on no more than one batch's row locks and a crashed run resumes after the
 * last batch that committed.
 *
 * <p>Its statement is the whole {@code UPDATE}, which anyone can read and run by hand, preceded by a
 * comment carrying what the executor needs to batch it: the history row then holds everything a resumed
 * run needs, and a plan file shows exactly what will run.
 *
 * @param table  the qualified, quoted table
 * @param keys   its primary key columns, quoted, in key order
 * @param assign the {@code SET} list ({@code "quantity" = "qty"::bigint})
 */
public record Backfill(String table, List<String> keys, String assign) {

    private static final String TAG = "strata:backfill";
    private static final Pattern HEADER = Pattern.compile("^/\\* " + TAG + " (\\{.*?}) \\*/", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    public Backfill {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a backfill of " + table + " needs the table's primary key");
        }
    }

    /** The statement recorded and shown: the header, then the single UPDATE it stands for. */
    public String statement() {
        try {
            // "*/" cannot occur in the header: JSON may escape "/" as "\/", and the comment ends at the first "*/".
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("table", table);
            fields.put("keys", keys);
            fields.put("assign", assign);
            // Insertion order, so that a plan's text and checksum are the same on every run.
            String header = JSON.writeValueAsString(fields)
                    .replace("*/", "*\\/");
            return "/* " + TAG + " " + header + " */ UPDATE " + table + " SET " + assign;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The backfill a recorded statement stands for, or empty when it is an ordinary statement. */
    public static Optional<Backfill> parse(String statement) {
        Matcher m = HEADER.matcher(statement.stripLeading());
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            var node = JSON.readTree(m.group(1));
            List<String> keys = JSON.convertValue(node.get("keys"), JSON.getTypeFactory()
                    .constructCollectionType(List.class, String.class));
            return Optional.of(new Backfill(node.get("table").asText(), keys, node.get("assign").asText()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable backfill header in: " + statement, e);
        }
    }
}
