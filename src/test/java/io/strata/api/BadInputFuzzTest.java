package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.app.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BadInputFuzzTest is the server's bad-input fuzz test: over ten thousand mutated, random, truncated, oversized
 * and mistyped requests, from a fixed seed, spread over every write route of both APIs, against a registry
 * seeded with Avro, JSON Schema and Protobuf subjects. No answer may be a 5xx or carry a stack trace; every
 * refusal must be its API's JSON error body; and no refused request, nor any accepted query, may change the
 * registry: the audit trail's tail is checked after every such request and the whole state every 50th.
 */
class BadInputFuzzTest {

    private static final int REQUESTS = 10_000;
    private static final long MAX_BODY = 64 * 1024;
    private static final int FULL_CHECK_EVERY = 50;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String AVRO_V1 = """
            {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"}]}""";
    private static final String AVRO_V2 = """
            {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"},\
            {"name":"total","type":"double","default":0}]}""";
    private static final String AVRO_V3 = """
            {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"},\
            {"name":"total","type":"double","default":0},{"name":"note","type":["null","string"],"default":null}]}""";
    private static final String AVRO_BREAKS = """
            {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"string"}]}""";
    private static final String AVRO_RECURSIVE = """
            {"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"],"default":null}]}""";
    private static final String JSON_V1 = """
            {"type":"object","properties":{"id":{"type":"integer"}},"additionalProperties":false}""";
    private static final String JSON_V2 = """
            {"type":"object","properties":{"id":{"type":"integer"},"name":{"type":"string"}},"additionalProperties":false}""";
    private static final String JSON_RECURSIVE = """
            {"type":"object","properties":{"id":{"type":"integer"},"child":{"$ref":"#"}}}""";
    private static final String JSON_DEFS = """
            {"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"type":"object","properties":{"x":{"$ref":"#/$defs/a"}}}""";
    private static final String PROTO_V1 = "syntax = \"proto3\";\npackage pay;\nmessage Payment { int64 id = 1; }\n";
    private static final String PROTO_V2 = "syntax = \"proto3\";\npackage pay;\nmessage Payment { int64 id = 1; string currency = 2; }\n";
    private static final String PROTO_RECURSIVE = "syntax = \"proto3\";\npackage pay;\nmessage Payment { int64 id = 1; Payment next = 2; }\n";

    /** A subject whose name is as long as names may be. */
    private static final String LONG_NAME = "long-" + "n".repeat(250);
    private static final List<String> SEEDED = List.of("orders-value", "events", "pay-value", "orders-sink", LONG_NAME);
    private static final Map<String, String> FORMATS = Map.of("orders-value", "AVRO", "events", "JSON", "pay-value", "PROTOBUF",
            "orders-sink", "AVRO", LONG_NAME, "AVRO");
    private static final Map<String, List<String>> SEED_SCHEMAS = Map.of("orders-value", List.of(AVRO_V1, AVRO_V2),
            "events", List.of(JSON_V1, JSON_V2), "pay-value", List.of(PROTO_V1, PROTO_V2), "orders-sink", List.of(AVRO_V1),
            LONG_NAME, List.of(AVRO_V1));
    private static final List<String> VALID_SCHEMAS = List.of(AVRO_V1, AVRO_V2, AVRO_V3, AVRO_BREAKS, AVRO_RECURSIVE, JSON_V1,
            JSON_V2, JSON_RECURSIVE, JSON_DEFS, PROTO_V1, PROTO_V2, PROTO_RECURSIVE, "\"string\"", "{\"type\":\"array\",\"items\":\"int\"}",
            "{}", "true", "{\"type\":\"string\",\"pattern\":\"(a+)+$\"}");
    private static final List<String> FIELDS = List.of("subject", "format", "schema", "schemas", "schemaType", "references",
            "branch", "message", "dialect", "compatibility", "mode", "owner", "description", "tags", "dependsOn", "name",
            "from", "level", "kind");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/json; charset=utf-16",
            "application/json; charset=nope", "application/json;charset=\"", "APPLICATION/JSON", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/vnd.schemaregistry.v1+json", "application/octet-stream", "*/*", ";",
            "application/json; charset=ISO-8859-1", "application/json; charset=UTF-32");
    private static final List<String> JUNK_SEGMENTS = List.of("%zz", "%", "%c3%28", "%00", "%0a", "%2F", "%2e%2e", "%ff%fe",
            "a%20b", "%25", "%u0041", ";x=1", "a;b", "..", "%5C", "x?y=%zz", "~", "%C0%AF", "%e2%80%ae");

    @TempDir
    Path dir;

    private final long seed = Long.getLong("strata.fuzz.seed", 0x5EED_2024L);
    private final Random random = new Random(seed);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Map<Integer, Integer>> byRoute = new TreeMap<>();
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private int port;
    private long tailSeq;
    private int resent;
    /** Resent requests whose first attempt turned out to have been carried out. */
    private int ambiguous;
    private long sendNanos;

    /** One write route: its method, template, and what a 2xx answer may change. */
    private record Route(String method, String template, Effect effect) {
        String key() {
            return method + " " + template;
        }

        boolean confluent() {
            return template.startsWith(ConfluentRoutes.PREFIX);
        }
    }

    /** What an accepted request on a route may change: the registry, only the validation reports, or nothing. */
    private enum Effect { STATE, REPORTS, NOTHING }

    /** One request as sent. */
    private record Fuzz(Route route, String path, String contentType, byte[] body, boolean chunked, boolean raw, String kind,
                        Map<String, String> headers) {
        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return route.method() + " " + (path.length() > 200 ? path.substring(0, 200) + "..." : path) + " [" + kind + ", "
                    + contentType + ", " + (body == null ? 0 : body.length) + " bytes" + (chunked ? ", chunked" : "") + "] "
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    /**
     * One answer.
     *
     * @param resent whether it answers a second attempt: the first lost its connection, and may have been
     *               carried out before the server dropped it (a DELETE ignores its oversized body)
     */
    private record Answer(int status, String contentType, String body, boolean resent) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body, false);
        }

        Answer again() {
            return new Answer(status, contentType, body, true);
        }
    }

    @Test
    void refusesBadInputWithoutFailingOrChangingTheStore() throws Exception {
        System.out.println("BadInputFuzzTest seed " + seed + " (rerun with -Dstrata.fuzz.seed=" + seed + ")");
        try (Registry registry = Registry.open(null, dir, Map.of());
             ApiServer server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, MAX_BODY))) {
            port = server.port();
            seed();
            List<Route> routes = writeRoutes(server.routes());
            String before = snapshot(true);
            String tail = resetTail();
            String expected = snapshot(false);
            long started = System.nanoTime();
            int refused = 0;
            int accepted = 0;
            List<String> recent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                Fuzz fuzz = next(routes.get(random.nextInt(routes.size())));
                long sendStart = System.nanoTime();
                Answer answer = send(fuzz);
                sendNanos += System.nanoTime() - sendStart;
                count(fuzz, answer);
                check(fuzz, answer);
                recent.add(fuzz.describe() + " -> " + answer.status());
                if (recent.size() > FULL_CHECK_EVERY) {
                    recent.remove(0);
                }
                boolean ok = answer.status() / 100 == 2;
                if (ok && fuzz.route().effect() != Effect.NOTHING) {
                    accepted++;
                    if (fuzz.route().template().contains("mode") || fuzz.route().template().endsWith("/config")
                            || fuzz.route().method().equals("DELETE")) {
                        restore();
                    }
                    tail = resetTail();
                    expected = snapshot(false);
                    continue;
                }
                refused++;
                String nowTail = auditTail();
                if (!nowTail.equals(tail) && answer.resent()) {
                    // The lost first attempt was carried out; the second found it done. Take the new state as the base.
                    ambiguous++;
                    accepted++;
                    tail = resetTail();
                    expected = snapshot(false);
                    continue;
                }
                if (!nowTail.equals(tail)) {
                    fail("the audit trail moved after a refused or read-only request: " + fuzz.describe() + " -> "
                            + answer.status() + " " + clip(answer.body()) + "\n  tail before " + tail + "\n  tail after  " + nowTail);
                    tail = resetTail();
                    expected = snapshot(false);
                }
                if (refused % FULL_CHECK_EVERY == 0) {
                    String now = snapshot(false);
                    if (!now.equals(expected)) {
                        fail("the registry changed during refused or read-only requests; the last ones:\n  "
                                + String.join("\n  ", recent) + "\n" + difference(expected, now));
                        expected = now;
                    }
                }
                if (failures.size() > 30) {
                    break;
                }
            }
            String after = snapshot(false);
            if (!after.equals(expected)) {
                fail("the registry changed after the last accepted write\n" + difference(expected, after));
            }
            Answer verify = get("/api/v1/audit/verify");
            if (!JsonBodies.JSON.readTree(verify.body()).path("intact").asBoolean()) {
                fail("the audit chain is broken: " + verify.body());
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            report(millis, refused, accepted, before.equals(snapshot(true)));
            Set<String> unexercised = new java.util.TreeSet<>(routes.stream().map(Route::key).toList());
            unexercised.removeAll(byRoute.keySet());
            assertThat(unexercised).as("write routes the fuzz never reached").isEmpty();
            assertThat(refused + accepted).as("requests sent").isGreaterThanOrEqualTo(failures.isEmpty() ? REQUESTS : 0);
        }
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    // ---- the routes and the seeded registry ----

    private static List<Route> writeRoutes(List<String> served) {
        Set<String> queries = Set.of("POST /api/v1/schemas/{id}/impact", "POST /ccompat/subjects/{subject}",
                "POST /ccompat/compatibility/subjects/{subject}/versions/{version}",
                "POST /ccompat/compatibility/subjects/{subject}/versions");
        List<Route> out = new ArrayList<>();
        for (String route : served) {
            String method = route.substring(0, route.indexOf(' '));
            if (method.equals("GET")) {
                continue;
            }
            Effect effect = queries.contains(route) ? Effect.NOTHING
                    : route.equals("POST /api/v1/compatibility/validate") ? Effect.REPORTS : Effect.STATE;
            out.add(new Route(method, route.substring(route.indexOf(' ') + 1), effect));
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(20);
        return out;
    }

    private void seed() throws Exception {
        for (String subject : SEEDED) {
            for (String schema : SEED_SCHEMAS.get(subject)) {
                ObjectNode body = NODES.objectNode().put("subject", subject).put("format", FORMATS.get(subject)).put("schema", schema);
                if (subject.equals("orders-sink")) {
                    body.putArray("dependsOn").addObject().put("subject", "orders-value").put("kind", "READS");
                }
                expectOk(control("POST", "/api/v1/schemas", body.toString()));
            }
        }
        expectOk(control("POST", "/api/v1/schemas/orders-value/branches", "{\"name\":\"exp\",\"from\":\"1\"}"));
        expectOk(control("POST", "/api/v1/schemas/orders-value/versions", NODES.objectNode().put("branch", "exp")
                .put("schema", AVRO_V3).toString()));
        expectOk(control("POST", "/api/v1/schemas", NODES.objectNode().put("subject", "gone").put("format", "JSON")
                .put("schema", JSON_V1).toString()));
        expectOk(control("DELETE", "/api/v1/schemas/gone", null));
        expectOk(control("POST", "/api/v1/compatibility/validate", NODES.objectNode().put("subject", "events")
                .put("schema", JSON_V2).toString()));
    }

    /** Puts back what accepted fuzz requests took away that later requests need: writable modes, the seeded subjects' versions. */
    private void restore() throws Exception {
        if (!get("/ccompat/mode").body().contains("READWRITE")) {
            control("PUT", "/ccompat/mode", "{\"mode\":\"READWRITE\"}");
        }
        for (String subject : SEEDED) {
            Answer mode = get("/ccompat/mode/" + subject);
            if (mode.status() == 200 && !mode.body().contains("READWRITE")) {
                control("DELETE", "/ccompat/mode/" + subject, null);
            }
            Answer versions = get("/api/v1/schemas/" + subject + "/versions");
            if (versions.status() != 200 || JsonBodies.JSON.readTree(versions.body()).path("versions").size() < 1) {
                control("PUT", "/api/v1/schemas/" + subject, "{\"compatibility\":\"NONE\"}");
                for (String schema : SEED_SCHEMAS.get(subject)) {
                    control("POST", "/api/v1/schemas", NODES.objectNode().put("subject", subject).put("format", FORMATS.get(subject))
                            .put("schema", schema).put("compatibility", "NONE").toString());
                }
            }
        }
    }

    // ---- the payloads ----

    private Fuzz next(Route route) {
        Map<String, String> headers = new TreeMap<>();
        if (random.nextInt(20) == 0) {
            headers.put("X-Strata-Actor", pick(List.of("", " ", "x".repeat(5_000), "ünïcødé", "a,b", "null")));
        }
        if (random.nextInt(30) == 0) {
            headers.put("Authorization", pick(List.of("Basic !!!", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("user:pw".getBytes(StandardCharsets.UTF_8)), "Basic ", "Bearer x", "Basic Og==")));
        }
        boolean raw = random.nextInt(33) == 0;
        String path = path(route, raw);
        String query = query(route);
        boolean writesBody = !route.method().equals("DELETE") || random.nextInt(10) == 0;
        String type = route.confluent() && random.nextBoolean() ? ConfluentRoutes.MEDIA_TYPE : "application/json";
        if (random.nextInt(6) == 0) {
            type = random.nextInt(8) == 0 ? null : pick(CONTENT_TYPES);
        }
        if (!writesBody) {
            return new Fuzz(route, path + query, null, null, false, raw, "no body", headers);
        }
        int dice = random.nextInt(100);
        String kind;
        byte[] body;
        boolean chunked = false;
        if (dice < 12) {
            kind = "valid";
            body = utf8(template(route).toString());
        } else if (dice < 45) {
            kind = "mistyped";
            body = utf8(mistype(template(route)).toString());
        } else if (dice < 70) {
            kind = "mutated";
            body = utf8(mutate(template(route).toString()));
        } else if (dice < 80) {
            kind = "random";
            body = randomBody();
        } else if (dice < 86) {
            kind = "nested";
            body = utf8(nested(1 + random.nextInt(3_000)));
        } else if (dice < 91) {
            kind = "oversized";
            ObjectNode big = template(route);
            big.put(pick(FIELDS), "x".repeat((int) MAX_BODY + random.nextInt((int) MAX_BODY)));
            body = utf8(big.toString());
            chunked = random.nextBoolean();
        } else if (dice < 95) {
            kind = "invalid schema";
            ObjectNode t = template(route);
            t.put("schema", invalidSchema());
            body = utf8(t.toString());
        } else if (dice < 98) {
            kind = "empty";
            body = utf8(pick(List.of("", " ", "\n", "\u0000")));
        } else {
            kind = "non-object";
            body = utf8(pick(List.of("[]", "null", "1", "\"text\"", "true", "{}{}", "{} x", "[{}]", "{\"a\":1}}", "\uFEFF{}")));
        }
        if (body.length > MAX_BODY * 3) {
            chunked = false;
        }
        return new Fuzz(route, path + query, type, body, chunked, raw, kind, headers);
    }

    private String path(Route route, boolean raw) {
        StringBuilder out = new StringBuilder();
        for (String segment : route.template().substring(1).split("/")) {
            out.append('/');
            if (segment.equals("{id}") || segment.equals("{subject}")) {
                out.append(raw ? pick(JUNK_SEGMENTS) : encode(subjectName(route)));
            } else if (segment.equals("{branch}")) {
                out.append(raw && random.nextBoolean() ? pick(JUNK_SEGMENTS)
                        : encode(pick(List.of("exp", "b0", "main", "nobranch", randomText(6), "x".repeat(300)))));
            } else if (segment.equals("{version}")) {
                out.append(raw && random.nextBoolean() ? pick(JUNK_SEGMENTS) : encode(versionName()));
            } else {
                out.append(segment);
            }
        }
        return out.toString();
    }

    private String subjectName(Route route) {
        int dice = random.nextInt(10);
        if (dice < (route.method().equals("DELETE") ? 1 : 5)) {
            return pick(SEEDED);
        }
        if (dice < 7) {
            return pick(List.of("gone", "fz-" + random.nextInt(8), "nope", "Orders-Value"));
        }
        return pick(List.of(randomText(1 + random.nextInt(20)), "x".repeat(256), "x".repeat(1 + random.nextInt(9_000)),
                "a/b", " ", "\u0000", "\n", "latest", "..", "ünï", "😀", "%", "-1", "a\tb"));
    }

    private String versionName() {
        return pick(List.of("1", "2", "3", "latest", "-1", "0", "-5", "abc", "99999999999999", "1.0", " 1", "LATEST", "2147483648",
                "٣", "1e3", "+1", randomText(5)));
    }

    private String query(Route route) {
        if (random.nextInt(3) > 0) {
            return "";
        }
        return pick(List.of("?permanent=true", "?permanent=false", "?permanent", "?permanent=yes", "?deleted=true",
                "?verbose=true", "?permanent=%00", "?permanent=true&permanent=false", "?defaultToGlobal=true", "?=", "?&&",
                "?branch=exp", "?branch=" + encode(randomText(4))));
    }

    /** A valid body for the route: the starting point of most payloads. */
    private ObjectNode template(Route route) {
        ObjectNode body = NODES.objectNode();
        String t = route.template();
        String schema = pick(VALID_SCHEMAS);
        if (t.endsWith("/config") || t.endsWith("/config/{subject}")) {
            body.put("compatibility", level());
            if (t.equals("/api/v1/config")) {
                body.put("mode", mode());
            }
        } else if (t.contains("/mode")) {
            body.put("mode", mode());
        } else if (t.equals("/api/v1/schemas")) {
            body.put("subject", pick(List.of(pick(SEEDED), "fz-" + random.nextInt(8)))).put("format", format()).put("schema", schema)
                    .put("message", "fuzz");
            if (random.nextBoolean()) {
                body.put("compatibility", level()).put("owner", "team").putArray("tags").add("t");
                body.putArray("dependsOn").addObject().put("subject", pick(SEEDED)).put("kind", pick(List.of("READS", "DERIVES_FROM")));
            }
        } else if (t.equals("/api/v1/schemas/{id}")) {
            body.put("compatibility", level()).put("owner", "team").put("description", "d");
            body.putArray("tags").add("a").add("b");
            if (random.nextBoolean()) {
                body.putArray("dependsOn").addObject().put("subject", pick(SEEDED)).put("kind", "READS");
            }
        } else if (t.equals("/api/v1/schemas/{id}/versions")) {
            body.put("schema", schema);
            if (random.nextBoolean()) {
                body.put("format", format()).put("branch", pick(List.of("main", "exp", "nobranch"))).put("message", "m");
            }
        } else if (t.endsWith("/merge")) {
            if (random.nextBoolean()) {
                body.put("message", "merge");
            }
        } else if (t.equals("/api/v1/schemas/{id}/branches")) {
            body.put("name", pick(List.of("exp", "b" + random.nextInt(4), "main"))).put("from", versionName());
        } else if (t.equals("/api/v1/compatibility/validate")) {
            if (random.nextBoolean()) {
                body.put("subject", pick(SEEDED)).put("schema", schema);
            } else {
                body.put("format", format()).put("level", level());
                body.putArray("schemas").add(schema).add(pick(VALID_SCHEMAS));
            }
        } else {
            body.put("schema", schema);
            if (route.confluent()) {
                body.put("schemaType", pick(List.of("AVRO", "JSON", "PROTOBUF", "avro")));
                if (random.nextInt(4) == 0) {
                    body.putArray("references");
                }
            }
        }
        return body;
    }

    private ObjectNode mistype(ObjectNode body) {
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            String field = random.nextInt(3) == 0 ? pick(FIELDS) : body.isEmpty() ? pick(FIELDS) : pick(fieldsOf(body));
            int dice = random.nextInt(14);
            switch (dice) {
                case 0 -> body.remove(field);
                case 1 -> body.putNull(field);
                case 2 -> body.put(field, random.nextLong());
                case 3 -> body.put(field, random.nextBoolean());
                case 4 -> body.put(field, random.nextDouble() * 1e300);
                case 5 -> body.putArray(field).add(randomText(5)).add(3).addNull();
                case 6 -> body.putObject(field).put("a", randomText(3));
                case 7 -> body.put(field, "");
                case 8 -> body.put(field, " \t ");
                case 9 -> body.put(field, randomText(1 + random.nextInt(40_000)));
                case 10 -> body.set(field, JsonBodies.JSON.valueToTree(List.of(Map.of("subject", 1), "x")));
                case 11 -> body.put(field, pick(List.of("NONE", "full-transitive", "READONLY", "SQL", "XML", "DEFAULT", "latest",
                        "import", "BACKWARD ", "\u0000")));
                case 12 -> body.put(field, invalidSchema());
                default -> body.put("unknown" + random.nextInt(3), randomText(4));
            }
        }
        return body;
    }

    private String mutate(String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(5);
        for (int i = 0; i < edits && out.length() > 0; i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(6)) {
                case 0 -> out.setCharAt(at, randomChar());
                case 1 -> out.insert(at, randomChar());
                case 2 -> out.deleteCharAt(at);
                case 3 -> out.setLength(at);
                case 4 -> out.insert(at, out.substring(at, Math.min(out.length(), at + 1 + random.nextInt(30))));
                default -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(30)));
            }
        }
        return out.toString();
    }

    private byte[] randomBody() {
        byte[] bytes = new byte[random.nextInt(3_000)];
        random.nextBytes(bytes);
        if (random.nextBoolean()) {
            for (int i = 0; i < bytes.length; i++) {
                String alphabet = "{}[]\":,\\ 0123456789.-+eEtrufalsn\u007f";
                bytes[i] = (byte) alphabet.charAt(Math.floorMod(bytes[i], alphabet.length()));
            }
        }
        return bytes;
    }

    private String nested(int depth) {
        StringBuilder out = new StringBuilder();
        boolean arrays = random.nextBoolean();
        String field = pick(FIELDS);
        out.append("{\"").append(field).append("\":");
        for (int i = 0; i < depth; i++) {
            out.append(arrays ? "[" : "{\"a\":");
        }
        out.append("1");
        for (int i = 0; i < depth; i++) {
            out.append(arrays ? "]" : "}");
        }
        return out.append('}').toString();
    }

    /** A schema text that is valid JSON (or text) but not a valid schema, or nested absurdly deep. */
    private String invalidSchema() {
        int dice = random.nextInt(10);
        if (dice == 0) {
            int depth = 200 + random.nextInt(1_500);
            return "{\"type\":\"array\",\"items\":".repeat(depth) + "\"int\"" + "}".repeat(depth);
        }
        if (dice == 1) {
            int depth = 200 + random.nextInt(3_000);
            return "syntax = \"proto3\";\n" + "message M {\n".repeat(depth) + "}\n".repeat(depth);
        }
        if (dice == 2) {
            int depth = 200 + random.nextInt(1_500);
            return "{\"type\":\"object\",\"properties\":{\"a\":".repeat(depth) + "{}" + "}}".repeat(depth);
        }
        String valid = pick(VALID_SCHEMAS);
        return pick(List.of(valid.substring(0, random.nextInt(valid.length())), mutate(valid), "{\"type\":\"record\"}",
                "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"a\"}]}", "{\"type\":\"nope\"}",
                "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"A\"]}", "message {", "syntax = \"proto9\";",
                "{\"$ref\":\"http://example.invalid/x.json\"}", "{\"type\":5}", "[]", "null", randomText(50),
                "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"a\",\"type\":\"A\"}]}",
                "syntax = \"proto3\"; message A { B b = 1; }", "syntax = \"proto3\"; import \"other.proto\"; message A {}",
                "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/nowhere\"}}}"));
    }

    private String level() {
        return pick(List.of("NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE",
                "full-transitive", "DEFAULT", "SIDEWAYS", ""));
    }

    private String mode() {
        return pick(List.of("READWRITE", "READONLY", "IMPORT", "readwrite", "WRITEONLY", ""));
    }

    private String format() {
        return pick(List.of("AVRO", "JSON", "PROTOBUF", "avro", "json", "Protobuf", "XML", " AVRO ", ""));
    }

    // ---- sending and checking ----

    private Answer send(Fuzz fuzz) throws Exception {
        if (fuzz.raw()) {
            return rawSend(fuzz);
        }
        HttpRequest.Builder request = TestKeys.request(URI.create("http://127.0.0.1:" + port + fuzz.path()))
                .timeout(Duration.ofSeconds(20));
        if (fuzz.contentType() != null) {
            request.header("Content-Type", fuzz.contentType());
        }
        fuzz.headers().forEach(request::setHeader);
        HttpRequest.BodyPublisher publisher;
        if (fuzz.body() == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else if (fuzz.chunked()) {
            byte[] bytes = fuzz.body();
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        } else {
            publisher = HttpRequest.BodyPublishers.ofByteArray(fuzz.body());
        }
        request.method(fuzz.route().method(), publisher);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            // The server answers some refusals (413, 415) without reading the body and closes the connection; the
            // client then sees a broken pipe, or a pooled connection closed under it. Sent again on a fresh socket.
            resent++;
            return rawSend(fuzz).again();
        }
    }

    /** Sends the request over a plain socket: paths java.net.URI refuses, and uploads the client aborts on an early answer. */
    private Answer rawSend(Fuzz fuzz) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            StringBuilder lines = new StringBuilder(fuzz.route().method() + " " + fuzz.path() + " HTTP/1.1\r\n");
            lines.append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            if (!fuzz.headers().containsKey("Authorization")) {
                lines.append("Authorization: Bearer ").append(TestKeys.ADMIN_TOKEN).append("\r\n");
            }
            if (fuzz.contentType() != null) {
                lines.append("Content-Type: ").append(fuzz.contentType()).append("\r\n");
            }
            for (Map.Entry<String, String> h : fuzz.headers().entrySet()) {
                lines.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
            lines.append("Content-Length: ").append(fuzz.body() == null ? 0 : fuzz.body().length).append("\r\n\r\n");
            head.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            try {
                if (fuzz.body() != null) {
                    out.write(fuzz.body());
                }
                out.flush();
            } catch (IOException earlyAnswer) {
                // The server answered (413) and closed before reading the whole body: read what it said.
            }
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Answer(-1, "", text);
        }
        String[] head = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        String type = "";
        boolean chunked = false;
        for (String line : head) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                type = line.substring(13).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(response, end + 4, response.length);
        if (chunked) {
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            int at = 0;
            while (at < body.length) {
                int lineEnd = indexOf(body, at);
                int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                joined.write(body, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            body = joined.toByteArray();
        }
        return new Answer(status, type, new String(body, StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    private void check(Fuzz fuzz, Answer answer) {
        String body = answer.body() == null ? "" : answer.body();
        if (answer.status() < 200 || answer.status() >= 500) {
            fail("status " + answer.status() + " for " + fuzz.describe() + "\n  answer: " + clip(body));
            return;
        }
        if (body.contains("at io.") || body.contains("Exception:") || body.contains("\tat ") || body.contains("\n\tat")) {
            fail("a stack trace in the answer to " + fuzz.describe() + "\n  answer: " + clip(body));
        }
        if (answer.status() >= 400) {
            JsonNode json;
            try {
                json = JsonBodies.JSON.readTree(body);
            } catch (IOException e) {
                fail("a " + answer.status() + " whose body is not JSON for " + fuzz.describe() + "\n  answer: " + clip(body));
                return;
            }
            if (!answer.contentType().contains("json")) {
                fail("a " + answer.status() + " with content type " + answer.contentType() + " for " + fuzz.describe());
            }
            boolean confluentShape = json.path("error_code").isInt() && json.path("message").isTextual();
            boolean strataShape = json.path("error").path("code").isTextual() && json.path("error").path("message").isTextual();
            if (fuzz.route().confluent() ? !confluentShape : !strataShape) {
                fail("a " + answer.status() + " without the " + (fuzz.route().confluent() ? "Confluent" : "Strata")
                        + " error shape for " + fuzz.describe() + "\n  answer: " + clip(body));
            }
            if (fuzz.route().confluent() && confluentShape) {
                int code = json.path("error_code").asInt();
                int status = code >= 10_000 ? code / 100 : code;
                if (status != answer.status()) {
                    fail("Confluent error_code " + code + " with status " + answer.status() + " for " + fuzz.describe());
                }
            }
        } else if (!body.isEmpty()) {
            try {
                JsonBodies.JSON.readTree(body);
            } catch (IOException e) {
                fail("a " + answer.status() + " whose body is not JSON for " + fuzz.describe() + "\n  answer: " + clip(body));
            }
        }
    }

    private void count(Fuzz fuzz, Answer answer) {
        byRoute.computeIfAbsent(fuzz.route().key(), k -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
        byStatus.merge(answer.status(), 1, Integer::sum);
    }

    private void report(long millis, int refused, int accepted, boolean unchangedOverall) {
        StringBuilder out = new StringBuilder("BadInputFuzzTest: " + (refused + accepted) + " requests in " + millis + " ms, seed "
                + seed + "; " + accepted + " accepted writes (state re-read after each), " + refused
                + " refused or read-only (audit tail checked after each, whole state every " + FULL_CHECK_EVERY + "); " + resent
                + " resent on a fresh socket after the client lost the connection (" + ambiguous + " of them carried out the first time); " + sendNanos / 1_000_000
                + " ms spent in the fuzz requests themselves; store "
                + (unchangedOverall ? "unchanged" : "changed only by accepted writes") + "\n  by status: " + byStatus + "\n");
        byRoute.forEach((route, statuses) -> out.append(String.format("  %-70s %s%n", route, statuses)));
        System.out.println(out);
    }

    private void fail(String message) {
        failures.add(message);
        System.out.println("FUZZ FAILURE: " + message);
    }

    // ---- the registry's state ----

    /** The registry's state as its read routes give it (the whole audit trail only when {@code full}). */
    private String snapshot(boolean full) throws Exception {
        StringBuilder out = new StringBuilder();
        Answer subjects = get("/api/v1/schemas?deleted=true");
        out.append("subjects ").append(subjects.body()).append('\n');
        List<String> paths = new ArrayList<>(List.of("/api/v1/config", "/ccompat/config", "/ccompat/mode",
                "/api/v1/validation/reports?limit=5"));
        for (JsonNode s : JsonBodies.JSON.readTree(subjects.body()).path("schemas")) {
            String name = encode(s.path("subject").asText());
            paths.add("/api/v1/schemas/" + name + "/versions?deleted=true");
            for (JsonNode b : s.path("branches")) {
                paths.add("/api/v1/schemas/" + name + "/versions?deleted=true&branch=" + encode(b.path("name").asText()));
            }
            paths.add("/ccompat/mode/" + name);
        }
        // Reads only, with nothing else running: sent together, joined in order.
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (String path : paths) {
            answers.add(http.sendAsync(TestKeys.request(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < paths.size(); i++) {
            HttpResponse<String> answer = answers.get(i).get();
            if (answer.statusCode() >= 500) {
                fail("status " + answer.statusCode() + " for the harness's own GET " + paths.get(i));
            }
            out.append(paths.get(i)).append(' ').append(answer.statusCode()).append(' ').append(answer.body()).append('\n');
        }
        if (full) {
            long after = 0;
            while (true) {
                JsonNode page = JsonBodies.JSON.readTree(get("/api/v1/audit?limit=1000&after=" + after).body());
                out.append("audit ").append(page.path("events")).append('\n');
                if (page.path("events").size() < 1000) {
                    break;
                }
                after = page.path("next").asLong();
            }
        } else {
            out.append("audit ").append(auditTail()).append('\n');
        }
        return out.toString();
    }

    /**
     * The last audit event's sequence number and hash, with any event after it: every change the registry makes
     * appends one. Found from the last position known, so it costs one request.
     */
    private String auditTail() throws Exception {
        JsonNode events = auditPage();
        while (events.size() == 1000) {
            tailSeq = events.get(events.size() - 1).path("seq").asLong();
            events = auditPage();
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode e : events) {
            out.append(e.path("seq").asText()).append(' ').append(e.path("hash").asText()).append(' ');
        }
        return out.toString();
    }

    /**
     * One page of the audit trail from the tail's start. The harness's own read must succeed: a refusal here
     * (a connection the server closed after a fuzzed request, picked up again by the client's pool) is retried
     * on a new request rather than read as an empty trail.
     */
    private JsonNode auditPage() throws Exception {
        Answer answer = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            answer = get("/api/v1/audit?limit=1000&after=" + Math.max(0, tailSeq - 1));
            if (answer.status() == 200) {
                return JsonBodies.JSON.readTree(answer.body()).path("events");
            }
        }
        fail("the harness could not read the audit trail: " + answer.status() + " " + clip(answer.body()));
        return JsonBodies.JSON.createArrayNode();
    }

    /** Moves the audit tail's starting point to the newest event, after an accepted write. */
    private String resetTail() throws Exception {
        String tail = auditTail();
        String[] parts = tail.trim().split(" ");
        if (parts.length >= 2) {
            tailSeq = Long.parseLong(parts[parts.length - 2]);
        }
        return auditTail();
    }

    private static String difference(String expected, String actual) {
        String[] a = expected.split("\n");
        String[] b = actual.split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "";
            String y = i < b.length ? b[i] : "";
            if (!x.equals(y)) {
                out.append("  before: ").append(clip(x)).append("\n  after:  ").append(clip(y)).append('\n');
            }
        }
        return out.toString();
    }

    private Answer get(String path) throws Exception {
        return control("GET", path, null);
    }

    private Answer control(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = TestKeys.request(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500) {
            fail("status " + response.statusCode() + " for the harness's own " + method + " " + path + ": " + clip(response.body()));
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private static void expectOk(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
    }

    // ---- small helpers ----

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static List<String> fieldsOf(ObjectNode body) {
        List<String> out = new ArrayList<>();
        body.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private char randomChar() {
        int dice = random.nextInt(4);
        if (dice == 0) {
            return "{}[]\":,\\".charAt(random.nextInt(8));
        }
        if (dice == 1) {
            return (char) random.nextInt(32);
        }
        if (dice == 2) {
            return (char) (0x80 + random.nextInt(0xD000));
        }
        return (char) (32 + random.nextInt(95));
    }

    private String randomText(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(random.nextInt(10) == 0 ? randomChar() : (char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
