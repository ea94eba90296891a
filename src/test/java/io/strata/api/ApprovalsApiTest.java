package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import io.strata.app.Registry;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four eyes over HTTP, on real PostgreSQL databases standing in for a dev and a prod environment: a rollout to prod
 * waits in PENDING_APPROVAL for the approvals its risk needs there (prod's defaults: one for LOW, two for HIGH),
 * which its author cannot give and nobody gives twice; a rollout to dev needs none; and a plan that changed between
 * the approvals and the execute voids them. People are told apart by their API keys.
 */
class ApprovalsApiTest {

    /** Keys: alice (admin) writes and rolls out, bob and carol (releasers) review. */
    private static String ALICE;
    private static String BOB;
    private static String CAROL;
    private static final List<String> BOTH = List.of("ap-dev", "ap-prod");

    private static Registry registry;
    private static ApiServer server;
    private static String devUrl;
    private static String prodUrl;

    @BeforeAll
    static void start() throws Exception {
        registry = Registry.open(null, Files.createTempDirectory("strata-approvals"), Map.of());
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
        ALICE = TestKeys.issue(registry, "alice", "admin", null);
        BOB = TestKeys.issue(registry, "bob", "releaser", null);
        CAROL = TestKeys.issue(registry, "carol", "releaser", null);
        devUrl = TestDatabases.freshPostgres();
        prodUrl = TestDatabases.freshPostgres();
        send("POST", "/api/v1/environments", Map.of("name", "ap-dev", "tier", "dev", "url", devUrl), 201, ALICE);
        JsonNode prod = send("POST", "/api/v1/environments", Map.of("name", "ap-prod", "tier", "prod", "url", prodUrl,
                "allowDestructive", true), 201, ALICE);
        assertThat(prod.path("policy").path("approvals").path("low").asInt()).as("prod's default for LOW").isEqualTo(1);
        assertThat(prod.path("policy").path("approvals").path("high").asInt()).as("prod's default for HIGH").isEqualTo(2);
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
    }

    @Test
    void aHighRiskRolloutToProdWaitsForTwoApprovalsBySomeoneOtherThanItsAuthorThenRuns() throws Exception {
        send("POST", "/api/v1/schemas", Map.of("subject", "shop.items", "format", "SQL",
                "schema", "CREATE TABLE items (id bigint PRIMARY KEY, name text, legacy text);"), 201, ALICE);
        JsonNode first = create("shop.items", 1, BOTH, ALICE);
        assertThat(first.path("state").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(first.path("risk").asText()).isEqualTo("LOW");
        assertThat(first.path("requiredApprovals").asInt()).as("LOW in prod").isEqualTo(1);
        assertThat(approve(first, BOB, "first version", 201).path("state").asText()).isEqualTo("CREATED");
        assertThat(execute(first)).isEqualTo("SUCCEEDED");

        // Version 2 drops a column: destructive, breaks readers of version 1, and a CONTRACT phase.
        send("PUT", "/api/v1/schemas/shop.items", Map.of("compatibility", "NONE"), 200, ALICE);
        send("POST", "/api/v1/schemas/shop.items/versions", Map.of("schema", "CREATE TABLE items (id bigint PRIMARY KEY, name text);"),
                201, ALICE);
        JsonNode drop = create("shop.items", 2, BOTH, ALICE);
        assertThat(drop.path("state").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(drop.path("risk").asText()).isEqualTo("HIGH");
        assertThat(drop.path("requiredApprovals").asInt()).isEqualTo(2);
        assertThat(drop.path("preflight").path("risk").path("reasons").toString()).contains("DS102", "legacy", "CONTRACT");
        assertThat(drop.path("note").asText()).contains("waits for 2 more approval(s)", "HIGH risk", "tier prod");
        String path = "/api/v1/migrations/" + drop.path("id").asLong();

        JsonNode early = send("POST", path + "/execute", null, 409, ALICE);
        assertThat(early.path("error").path("code").asText()).isEqualTo("APPROVALS_MISSING");
        assertThat(early.path("error").path("message").asText()).contains("2 missing");

        JsonNode own = send("POST", path + "/approvals", Map.of("comment", "I wrote it, I like it"), 403, ALICE);
        assertThat(own.path("error").path("code").asText()).isEqualTo("OWN_ROLLOUT");
        assertThat(own.path("error").path("message").asText()).contains("created by alice");

        JsonNode once = approve(drop, BOB, "checked the backups", 201);
        assertThat(once.path("approved").asInt()).isEqualTo(1);
        assertThat(once.path("missing").asInt()).isEqualTo(1);
        JsonNode twice = approve(drop, BOB, "really sure", 200);
        assertThat(twice.path("approved").asInt()).as("the same approver counts once").isEqualTo(1);
        assertThat(twice.path("approvals")).hasSize(1);
        assertThat(twice.path("state").asText()).isEqualTo("PENDING_APPROVAL");
        JsonNode still = send("POST", path + "/execute", null, 409, ALICE);
        assertThat(still.path("error").path("message").asText()).contains("1 missing", "1 of 2 given");

        JsonNode approved = approve(drop, CAROL, null, 201);
        assertThat(approved.path("state").asText()).isEqualTo("CREATED");
        assertThat(approved.path("approvals").findValuesAsText("approver")).containsExactly(actor(BOB), actor(CAROL));
        assertThat(approved.path("approvals").get(0).path("comment").asText()).isEqualTo("checked the backups");
        assertThat(approved.path("approvals").get(0).path("planChecksum").asText()).isEqualTo(drop.path("planChecksum").asText());
        assertThat(send("GET", path, null, 200, null).path("note").asText()).isEqualTo("approved by " + actor(BOB) + ", " + actor(CAROL));

        assertThat(execute(drop)).isEqualTo("SUCCEEDED");
        assertThat(TestDatabases.rows(prodUrl, "SELECT column_name FROM information_schema.columns WHERE table_name = 'items'"))
                .containsExactlyInAnyOrder("id", "name");
        List<String> approvals = new ArrayList<>();
        for (JsonNode e : send("GET", "/api/v1/audit?limit=1000", null, 200, null).path("events")) {
            if (e.path("action").asText().equals("rollout.approved") && e.path("target").asText().equals("rollout/" + drop.path("id").asLong())) {
                approvals.add(e.path("actor").asText());
            }
        }
        assertThat(approvals).as("every approval is audited, once").containsExactly(actor(BOB), actor(CAROL));
        assertThat(send("GET", "/api/v1/audit/verify", null, 200, null).path("intact").asBoolean()).isTrue();
    }

    @Test
    void aRolloutToDevNeedsNoApprovalWhateverItsRisk() throws Exception {
        send("POST", "/api/v1/schemas", Map.of("subject", "shop.tags", "format", "SQL",
                "schema", "CREATE TABLE tags (id bigint PRIMARY KEY, label text, old text);"), 201, ALICE);
        send("PUT", "/api/v1/schemas/shop.tags", Map.of("compatibility", "NONE"), 200, ALICE);
        send("POST", "/api/v1/schemas/shop.tags/versions", Map.of("schema", "CREATE TABLE tags (id bigint PRIMARY KEY, label text);"),
                201, ALICE);
        JsonNode first = create("shop.tags", 1, List.of("ap-dev"), ALICE);
        assertThat(first.path("state").asText()).isEqualTo("CREATED");
        assertThat(first.path("requiredApprovals").asInt()).isZero();
        assertThat(execute(first)).isEqualTo("SUCCEEDED");
        JsonNode drop = create("shop.tags", 2, List.of("ap-dev"), ALICE);
        assertThat(drop.path("risk").asText()).isEqualTo("HIGH");
        assertThat(drop.path("state").asText()).as("dev asks no approval even for HIGH").isEqualTo("CREATED");
        JsonNode none = send("POST", "/api/v1/migrations/" + drop.path("id").asLong() + "/approvals", null, 409, BOB);
        assertThat(none.path("error").path("message").asText()).contains("waits for no approval");
        assertThat(execute(drop)).isEqualTo("SUCCEEDED");
    }

    /**
     * The plan a rollout was approved with is checked again when it starts: here the version before the one rolled out
     * is deleted for good between the approval and the execute, so the plan starts from the version before that.
     */
    @Test
    void aPlanThatChangedAfterItsApprovalVoidsItAndTheRolloutWaitsAgain() throws Exception {
        send("POST", "/api/v1/schemas", Map.of("subject", "shop.notes", "format", "SQL",
                "schema", "CREATE TABLE notes (id bigint PRIMARY KEY);"), 201, ALICE);
        send("POST", "/api/v1/schemas/shop.notes/versions", Map.of("schema",
                "CREATE TABLE notes (id bigint PRIMARY KEY, body text);"), 201, ALICE);
        send("POST", "/api/v1/schemas/shop.notes/versions", Map.of("schema",
                "CREATE TABLE notes (id bigint PRIMARY KEY, body text, author text);"), 201, ALICE);
        JsonNode rollout = create("shop.notes", 3, BOTH, ALICE);
        String path = "/api/v1/migrations/" + rollout.path("id").asLong();
        String checkedFirst = rollout.path("planChecksum").asText();
        assertThat(rollout.path("preflight").path("phases").findValuesAsText("statements").toString() + rollout.path("preflight")
                .path("phases")).contains("author").doesNotContain("body");
        assertThat(approve(rollout, BOB, "adds author", 201).path("state").asText()).isEqualTo("CREATED");

        send("DELETE", "/api/v1/schemas/shop.notes/versions/2", null, 200, ALICE);
        send("DELETE", "/api/v1/schemas/shop.notes/versions/2?permanent=true", null, 200, ALICE);
        JsonNode changed = send("POST", path + "/execute", null, 409, ALICE);
        assertThat(changed.path("error").path("code").asText()).isEqualTo("PLAN_CHANGED");
        assertThat(changed.path("error").path("message").asText()).contains("plan changed", "1 approval(s)", "voided", "nothing ran");

        JsonNode waiting = send("GET", path, null, 200, null);
        assertThat(waiting.path("state").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(waiting.path("planChecksum").asText()).isNotEqualTo(checkedFirst);
        assertThat(waiting.path("preflight").path("phases").toString()).as("planned from version 1 now").contains("body", "author");
        JsonNode voided = send("GET", path + "/approvals", null, 200, null);
        assertThat(voided.path("approved").asInt()).isZero();
        assertThat(voided.path("missing").asInt()).isEqualTo(1);
        assertThat(voided.path("approvals").get(0).path("counts").asBoolean()).isFalse();
        assertThat(voided.path("approvals").get(0).path("voidedAt").isTextual()).isTrue();
        assertThat(TestDatabases.rows(devUrl, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'notes'"))
                .as("nothing ran").containsExactly("0");

        JsonNode again = approve(rollout, BOB, "adds body and author", 201);
        assertThat(again.path("state").asText()).as("the same approver approves the new plan").isEqualTo("CREATED");
        assertThat(again.path("approvals").get(1).path("planChecksum").asText()).isEqualTo(waiting.path("planChecksum").asText());
        assertThat(execute(rollout)).isEqualTo("SUCCEEDED");
        assertThat(TestDatabases.rows(prodUrl, "SELECT column_name FROM information_schema.columns WHERE table_name = 'notes'"))
                .containsExactlyInAnyOrder("id", "body", "author");
    }

    private static JsonNode create(String subject, int version, List<String> environments, String actor) throws Exception {
        return send("POST", "/api/v1/migrations", Map.of("subject", subject, "version", version, "environments", environments), 201,
                actor);
    }

    private static JsonNode approve(JsonNode rollout, String approver, String comment, int status) throws Exception {
        return send("POST", "/api/v1/migrations/" + rollout.path("id").asLong() + "/approvals",
                comment == null ? null : Map.of("comment", comment), status, approver);
    }

    /** Executes {@code rollout} as its author and waits for it: its final state. */
    private static String execute(JsonNode rollout) throws Exception {
        send("POST", "/api/v1/migrations/" + rollout.path("id").asLong() + "/execute", null, 202, ALICE);
        JsonNode done = HttpJson.awaitRollout(server.port(), rollout.path("id").asLong());
        assertThat(done.path("summary").path("FAILED").asInt()).as(done.toString()).isZero();
        return done.path("state").asText();
    }

    private static JsonNode send(String method, String path, Object body, int status, String actor) throws Exception {
        return HttpJson.send(server.port(), method, path, body, status, actor);
    }

    /** What the audit trail calls the holder of {@code token}. */
    private static String actor(String token) {
        return registry.keys().get(token.substring(0, token.indexOf('.'))).principal().auditName();
    }
}
