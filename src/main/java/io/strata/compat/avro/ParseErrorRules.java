package io.strata.compat.avro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ParseErrorRules is the table that turns the message of an Avro parse failure into a sentence that names
 * the element, and finds that element in the file. Avro's messages say what is wrong but not where (at best
 * they quote the offending JSON object), so each rule also says how to find the spot: the object Avro quotes,
 * the name it quotes, or the default of the field it names. A message no rule knows is kept as Avro wrote it.
 */
final class ParseErrorRules {

    /** How to find the element a message is about. */
    sealed interface Target {
    }

    /** The first value equal to the JSON text Avro quotes in group {@code group}. */
    record Quoted(int group) implements Target {
    }

    /**
     * A string value equal to group {@code group} (or its last dotted part, as Avro qualifies names with the
     * namespace), under member {@code key} if not null; the last one when Avro complains about a repetition.
     */
    record Text(int group, String key, boolean last) implements Target {
    }

    /** The {@code "default"} of the field named in group {@code group}. */
    record FieldDefault(int group) implements Target {
    }

    /** The message is not about one place Strata can find. */
    record Nowhere() implements Target {
    }

    /**
     * One row: Avro's message, where to look, and the sentence to print. In {@code text}, {@code {1}},
     * {@code {2}} are the pattern's groups and {@code {name}}, {@code {type}} members of the element found.
     */
    record Rule(Pattern pattern, Target target, String text) {
    }

    /** The outcome: the sentence, and where the element starts if it was found. */
    record Explained(String text, Optional<JsonDocument.Position> position) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<Rule> RULES = List.of(
            rule("No field type: (.*)", new Quoted(1), "field \"{name}\" has no \"type\""),
            rule("No field name: (.*)", new Quoted(1), "a field has no \"name\""),
            rule("No name in schema: (.*)", new Quoted(1), "a \"{type}\" schema has no \"name\""),
            rule("Record has no fields: (.*)", new Quoted(1), "record \"{name}\" has no \"fields\" array"),
            rule("Enum has no symbols: (.*)", new Quoted(1), "enum \"{name}\" has no \"symbols\" array"),
            rule("Array has no items type: (.*)", new Quoted(1), "an array has no \"items\" type"),
            rule("Map has no values type: (.*)", new Quoted(1), "a map has no \"values\" type"),
            rule("Invalid or no size: (.*)", new Quoted(1), "fixed \"{name}\" has no valid \"size\""),
            rule("Nested union: (.*)", new Quoted(1), "a union may not be a branch of another union"),
            rule("Undefined (?:schema|name): (.*)", new Text(1, null, false),
                    "type \"{1}\" is neither a primitive nor a named type defined before this point"),
            rule("Invalid default for field (\\S+): (.*)", new FieldDefault(1),
                    "the default of field \"{1}\" does not match its type: {2}"),
            // Avro lets a number's parse failure through as it is when a numeric default is not a number.
            rule("For input string: \"(.*)\"", new Text(1, "default", false), "default \"{1}\" is not a number"),
            rule("Can't redefine: (.*)", new Text(1, "name", true), "type \"{1}\" is defined twice"),
            rule("Duplicate field (\\S+) in record (\\S+):.*", new Text(1, "name", true),
                    "record \"{2}\" has two fields named \"{1}\""),
            rule("Duplicate enum symbol: (.*)", new Text(1, null, true), "enum symbol \"{1}\" is listed twice"),
            rule("Duplicate in union:(.*)", new Nowhere(), "a union lists \"{1}\" twice"),
            rule("Illegal (?:initial )?character(?: in)?: (.*)", new Text(1, null, false),
                    "\"{1}\" is not a valid Avro name (a letter or _, then letters, digits or _)"),
            rule("Schemas may not be named after primitives: (.*)", new Text(1, "name", false),
                    "a named type may not be called \"{1}\", which is a primitive type"),
            rule("The Enum Default: (.*) is not in the enum symbol set: (.*)", new Text(1, "default", false),
                    "enum default \"{1}\" is not one of its symbols {2}"));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private ParseErrorRules() {
    }

    private static Rule rule(String regex, Target target, String text) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), target, text);
    }

    /** Explains Avro's {@code message} about {@code document}. */
    static Explained explain(String message, JsonDocument document) {
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(message);
            if (m.matches()) {
                Optional<String> pointer = find(rule.target(), m, document);
                JsonNode element = pointer.map(document::node).orElse(MAPPER.missingNode());
                return new Explained(fill(rule.text(), m, element), pointer.flatMap(document::at));
            }
        }
        return new Explained(message, Optional.empty());
    }

    private static Optional<String> find(Target target, Matcher m, JsonDocument document) {
        // Java 17 has no pattern switch; the chain covers every permitted Target.
        if (target instanceof Quoted q) {
            return quoted(m.group(q.group())).flatMap(wanted -> first(document, (p, n) -> n.equals(wanted)));
        }
        if (target instanceof Text t) {
            String wanted = m.group(t.group()).trim();
            List<String> hits = matching(document, (p, n) -> n.isTextual() && sameName(n.asText(), wanted)
                    && (t.key() == null || p.endsWith("/" + t.key())));
            return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(t.last() ? hits.size() - 1 : 0));
        }
        if (target instanceof FieldDefault f) {
            String field = m.group(f.group());
            return first(document, (p, n) -> p.endsWith("/default") && p.length() > "/default".length()
                    && document.node(p.substring(0, p.length() - "/default".length())).path("name").asText("")
                    .equals(field));
        }
        return Optional.empty();
    }

    private interface Test {
        boolean matches(String pointer, JsonNode node);
    }

    private static Optional<String> first(JsonDocument document, Test test) {
        return matching(document, test).stream().findFirst();
    }

    private static List<String> matching(JsonDocument document, Test test) {
        List<String> hits = new ArrayList<>();
        for (Map.Entry<String, JsonDocument.Position> e : document.positions().entrySet()) {
            if (test.matches(e.getKey(), document.node(e.getKey()))) {
                hits.add(e.getKey());
            }
        }
        return hits;
    }

    /** Avro names a type by its full name, while the file may spell it relative to the namespace. */
    private static boolean sameName(String value, String wanted) {
        return value.equals(wanted) || wanted.endsWith("." + value);
    }

    private static Optional<JsonNode> quoted(String json) {
        try {
            return Optional.of(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String fill(String template, Matcher m, JsonNode element) {
        Matcher p = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (p.find()) {
            String key = p.group(1);
            String value = key.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(key)).trim()
                    : element.path(key).asText("?");
            p.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        p.appendTail(out);
        return out.toString();
    }
}
