package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import io.strata.app.Registry;
import io.strata.rollout.SecretsDirectory;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Environments over HTTP against real PostgreSQL databases: added with a credentials reference (shown, never
 * resolved into an answer), listed in promotion order, looked at (reachable, server version, versions
 * applied, versions an earlier environment has and this one lacks), and bad ones refused before they are stored.
 */
class EnvironmentsApiTest {

    private static Registry registry;
    private static ApiServer server;
    private static Path secret;

    @BeforeAll
    static void start() throws Exception {
        Path secrets = Files.createTempDirectory("strata-env-secrets");
        registry = Registry.open(null, Files.createTempDirectory("strata-env"), Map.of(), SecretsDirectory.at(secrets));
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
        secret = Files.createTempFile(secrets, "strata-secret", ".txt");
        Files.writeString(secret, "s3cret-value\n");
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
    }

    private static JsonNode send(String method, String path, Object body, int expectedStatus) throws Exception {
        return HttpJson.send(server.port(), method, path, body, expectedStatus);
    }

    @Test
    void environmentsAreListedInPromotionOrderAndNeverShowASecret() throws Exception {
        String dev = TestDatabases.freshPostgres();
        String prod = TestDatabases.freshPostgres();
        JsonNode added = send("POST", "/api/v1/environments", Map.of("name", "order-prod", "tier", "prod",
                "url", prod, "credentials", "file:" + secret), 201);
        assertThat(added.path("order").asInt()).isEqualTo(30);
        assertThat(added.path("allowDestructive").asBoolean()).as("prod refuses destructive steps by default").isFalse();
        send("POST", "/api/v1/environments", Map.of("name", "order-dev", "tier", "dev", "url", dev), 201);
        JsonNode list = send("GET", "/api/v1/environments", null, 200);
        List<String> names = list.path("environments").findValuesAsText("name");
        assertThat(names.indexOf("order-dev")).isLessThan(names.indexOf("order-prod"));
        String all = list.toString() + send("GET", "/api/v1/environments/order-prod", null, 200);
        assertThat(all).contains("file:" + secret).doesNotContain("s3cret-value");
    }

    @Test
    void aPolicySaysWhoMustApproveAndDefaultsAskForApprovalsInProductionOnly() throws Exception {
        JsonNode prod = send("POST", "/api/v1/environments", Map.of("name", "pol-prod", "tier", "Production", "order", 35,
                "url", TestDatabases.freshPostgres()), 201);
        assertThat(prod.path("policy").toString()).isEqualTo("{\"production\":true,\"approvals\":{\"low\":1,\"high\":2},"
                + "\"secondFactor\":false}");
        JsonNode dev = send("POST", "/api/v1/environments", Map.of("name", "pol-dev", "tier", "dev", "url", TestDatabases.freshPostgres()), 201);
        assertThat(dev.path("policy").toString()).isEqualTo("{\"production\":false,\"approvals\":{\"low\":0,\"high\":0},"
                + "\"secondFactor\":false}");
        // A risk not named keeps its default; a tier not named prod is production when its policy says so.
        send("POST", "/api/v1/environments", Map.of("name", "pol-live", "tier", "live", "order", 36, "url", TestDatabases.freshPostgres(),
                "policy", Map.of("production", true, "approvals", Map.of("HIGH", 3), "secondFactor", true)), 201);
        JsonNode live = send("GET", "/api/v1/environments/pol-live", null, 200);
        assertThat(live.path("policy").toString()).isEqualTo("{\"production\":true,\"approvals\":{\"low\":1,\"high\":3},"
                + "\"secondFactor\":true}");

        JsonNode notProd = send("POST", "/api/v1/environments", Map.of("name", "pol-x", "tier", "prod", "url", TestDatabases.freshPostgres(),
                "policy", Map.of("production", false)), 400);
        assertThat(notProd.path("error").path("message").asText()).contains("tier \"prod\" is production by its name");
        JsonNode risk = send("POST", "/api/v1/environments", Map.of("name", "pol-x", "tier", "dev", "url", TestDatabases.freshPostgres(),
                "policy", Map.of("approvals", Map.of("medium", 1))), 400);
        assertThat(risk.path("error").path("message").asText()).contains("risk \"medium\"", "low and high");
        JsonNode negative = send("POST", "/api/v1/environments", Map.of("name", "pol-x", "tier", "dev", "url",
                TestDatabases.freshPostgres(), "policy", Map.of("approvals", Map.of("low", -1))), 400);
        assertThat(negative.path("error").path("message").asText()).contains("policy.approvals.low", "0 to 10");
        JsonNode typo = send("POST", "/api/v1/environments", Map.of("name", "pol-x", "tier", "dev", "url", TestDatabases.freshPostgres(),
                "policy", Map.of("secondfactor", true)), 400);
        assertThat(typo.path("error").path("message").asText()).contains("policy.secondfactor", "is unknown");
        send("GET", "/api/v1/environments/pol-x", null, 404);
        assertThat(registry.audit().page(0, 1000).stream().filter(e -> e.action().equals("environment.added")
                && e.target().equals("environment/pol-live")).findFirst().orElseThrow().details())
                .contains("\"approvals\":{\"high\":3,\"low\":1}", "\"secondFactor\":true");
    }

    @Test
    void healthSaysWhatAnEnvironmentLacksAgainstEarlierOnes() throws Exception {
        String staging = TestDatabases.freshPostgres();
        String prod = TestDatabases.freshPostgres();
        Path dir = Files.createTempDirectory("strata-env-migrations");
        Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);");
        Files.writeString(dir.resolve("V2__total.sql"), "ALTER TABLE orders ADD COLUMN total numeric;");
        io.strata.app.MigrateDirectory migrate = new io.strata.app.MigrateDirectory();
        migrate.hash(dir);
        assertThat(migrate.run(dir, staging, io.strata.migrate.ApplySettings.defaults()))
                .allMatch(io.strata.migrate.ApplyResult::ok);
        send("POST", "/api/v1/environments", Map.of("name", "h-staging", "tier", "staging", "url", staging), 201);
        send("POST", "/api/v1/environments", Map.of("name", "h-prod", "tier", "prod", "url", prod), 201);
        JsonNode stagingHealth = send("GET", "/api/v1/environments/h-staging/health", null, 200);
        assertThat(stagingHealth.path("reachable").asBoolean()).isTrue();
        assertThat(stagingHealth.path("serverVersion").asText()).startsWith("PostgreSQL");
        assertThat(stagingHealth.path("applied").findValuesAsText("version")).contains("1", "2");
        JsonNode prodHealth = send("GET", "/api/v1/environments/h-prod/health", null, 200);
        assertThat(prodHealth.path("applied")).isEmpty();
        assertThat(prodHealth.path("behind").toString()).contains("\"1\"", "\"2\"");
    }

    @Test
    void anUnreachableEnvironmentIsAReportNotAnError() throws Exception {
        send("POST", "/api/v1/environments", Map.of("name", "gone", "tier", "dev",
                "url", "jdbc:postgresql://127.0.0.1:1/nothing?user=postgres"), 201);
        JsonNode health = send("GET", "/api/v1/environments/gone/health", null, 200);
        assertThat(health.path("reachable").asBoolean()).isFalse();
        assertThat(health.path("error").asText()).isNotBlank();
    }

    @Test
    void badEnvironmentsAreRefusedBeforeAnythingIsStored() throws Exception {
        JsonNode withPassword = send("POST", "/api/v1/environments", Map.of("name", "leaky", "tier", "dev",
                "url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=hunter2"), 400);
        assertThat(withPassword.path("error").path("message").asText()).contains("credentials").doesNotContain("hunter2");
        JsonNode unresolved = send("POST", "/api/v1/environments", Map.of("name", "nokey", "tier", "dev",
                "url", "jdbc:postgresql://127.0.0.1:5432/test", "credentials", "env:STRATA_NO_SUCH_VARIABLE_X"), 422);
        assertThat(unresolved.path("error").path("code").asText()).isEqualTo("CREDENTIALS_UNRESOLVED");
        send("POST", "/api/v1/environments", Map.of("name", "weird", "tier", "dev",
                "url", "jdbc:oracle:thin:@x"), 400);
        send("POST", "/api/v1/environments", Map.of("name", "noorder", "tier", "qa",
                "url", "jdbc:postgresql://127.0.0.1:5432/test"), 400);
        send("GET", "/api/v1/environments/nope", null, 404);
        List<String> names = send("GET", "/api/v1/environments", null, 200).path("environments").findValuesAsText("name");
        assertThat(names).doesNotContain("leaky", "nokey", "weird", "noorder");
    }
}
