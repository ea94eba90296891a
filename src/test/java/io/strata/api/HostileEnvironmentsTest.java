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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Environments cannot make the server read its own files or hand its driver dangerous parameters: a {@code file:}
 * credentials reference resolves only inside the server's secrets directory, and every reference that does not
 * (a system file, a path out through {@code ..} or a symbolic link, a missing file, a directory) answers the same
 * 422, so a client learns nothing of the server's files; a server without a secrets directory refuses {@code file:};
 * an environment URL may carry only its dialect's allowed driver parameters.
 */
class HostileEnvironmentsTest {

    private static Registry registry;
    private static ApiServer server;
    private static Registry withoutSecrets;
    private static ApiServer serverWithoutSecrets;
    private static Path secrets;
    private static Path outside;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createTempDirectory("strata-hostile-env");
        secrets = Files.createDirectory(root.resolve("secrets"));
        Files.writeString(secrets.resolve("dev-db"), "dev-password\n");
        Files.createDirectory(secrets.resolve("nested"));
        Files.createSymbolicLink(secrets.resolve("escape"), Path.of("/etc/passwd"));
        outside = Files.writeString(root.resolve("outside.txt"), "not a secret of Strata's\n");
        registry = Registry.open(null, Files.createTempDirectory("strata-hostile-env-store"), Map.of(),
                SecretsDirectory.at(secrets));
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
        withoutSecrets = Registry.open(null, Files.createTempDirectory("strata-hostile-env-store"), Map.of());
        serverWithoutSecrets = TestKeys.serve(withoutSecrets, new ServerSettings("127.0.0.1", 0,
                ServerSettings.DEFAULT_MAX_BODY));
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
        serverWithoutSecrets.close();
        withoutSecrets.close();
    }

    @Test
    void everyReferenceOutsideTheSecretsDirectoryGetsTheSameAnswer() throws Exception {
        Map<String, String> references = new LinkedHashMap<>();
        references.put("etc-passwd", "/etc/passwd");
        references.put("proc-environ", "/proc/self/environ");
        references.put("dot-dot", secrets + "/../" + outside.getFileName());
        references.put("symlink-out", "escape");
        references.put("missing", secrets.resolve("no-such-file").toString());
        references.put("existing-outside", outside.toString());
        references.put("directory", "nested");
        List<String> answers = new ArrayList<>();
        for (Map.Entry<String, String> reference : references.entrySet()) {
            JsonNode refused = send(server, "POST", "/api/v1/environments", Map.of("name", "leak-" + reference.getKey(),
                    "tier", "dev", "url", "jdbc:postgresql://127.0.0.1:5432/x?user=u",
                    "credentials", "file:" + reference.getValue()), 422);
            assertThat(refused.path("error").path("code").asText()).isEqualTo("CREDENTIALS_UNRESOLVED");
            // Each message quotes the reference it was given; with that taken out they must be one and the same.
            answers.add(refused.path("error").path("message").asText().replace("file:" + reference.getValue(), "REF"));
        }
        assertThat(answers).containsOnly("credentials reference \"REF\" does not name a readable file inside the "
                + "server's secrets directory");
        assertThat(send(server, "GET", "/api/v1/environments", null, 200).path("environments").findValuesAsText("name"))
                .noneMatch(name -> name.startsWith("leak-"));
    }

    @Test
    void aServerWithoutASecretsDirectoryRefusesFileReferences() throws Exception {
        JsonNode refused = send(serverWithoutSecrets, "POST", "/api/v1/environments", Map.of("name", "no-dir", "tier", "dev",
                "url", "jdbc:postgresql://127.0.0.1:5432/x?user=u", "credentials", "file:" + secrets.resolve("dev-db")), 422);
        assertThat(refused.path("error").path("message").asText()).contains("--secrets-dir");
    }

    @Test
    void aFileInsideTheSecretsDirectoryIsUsedAtEachConnectionAndLeftAloneOnceItPointsOutside() throws Exception {
        Path secret = secrets.resolve("swapped");
        Files.writeString(secret, "dev-password\n");
        send(server, "POST", "/api/v1/environments", Map.of("name", "inside", "tier", "dev",
                "url", TestDatabases.freshPostgres(), "credentials", "file:swapped"), 201);
        JsonNode health = send(server, "GET", "/api/v1/environments/inside/health", null, 200);
        assertThat(health.path("reachable").asBoolean()).as(health.toString()).isTrue();

        // The reference is resolved again at each connection: swapped for a link to a system file, it no longer is.
        Files.delete(secret);
        Files.createSymbolicLink(secret, Path.of("/etc/passwd"));
        JsonNode after = send(server, "GET", "/api/v1/environments/inside/health", null, 200);
        assertThat(after.path("reachable").asBoolean()).isFalse();
        assertThat(after.path("error").asText()).isEqualTo("credentials reference \"file:swapped\" does not name a "
                + "readable file inside the server's secrets directory");
    }

    @Test
    void driverParametersOutsideTheAllowListAreRefusedByName() throws Exception {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("jdbc:postgresql://127.0.0.1:5432/x?user=u&socketFactory=org.springframework.context.support."
                + "ClassPathXmlApplicationContext&socketFactoryArg=http://127.0.0.1/x.xml", "socketFactory");
        refused.put("jdbc:postgresql://127.0.0.1:5432/x?sslfactory=org.postgresql.ssl.NonValidatingFactory", "sslfactory");
        refused.put("jdbc:postgresql://127.0.0.1:5432/x?loggerFile=/tmp/strata.log&loggerLevel=TRACE", "loggerFile");
        refused.put("jdbc:postgresql://127.0.0.1:5432/x?user=u&options=-c%20statement_timeout=0", "options");
        refused.put("jdbc:postgresql://127.0.0.1:5432/x?sslmode=verify-full&sslrootcert=/etc/passwd", "sslrootcert");
        refused.put("jdbc:postgresql://127.0.0.1:5432/x?SOCKETFACTORY=x", "SOCKETFACTORY");
        refused.put("jdbc:postgresql://127.0.0.1:5432/x?socketTimeout=0", "socketTimeout");
        refused.put("jdbc:mariadb://127.0.0.1:3306/x?user=u&allowLocalInfile=true", "allowLocalInfile");
        refused.put("jdbc:mysql://127.0.0.1:3306/x?allowLoadLocalInfile=true", "allowLoadLocalInfile");
        refused.put("jdbc:mariadb://127.0.0.1:3306/x?autoDeserialize=true", "autoDeserialize");
        refused.put("jdbc:mariadb://127.0.0.1:3306/x?user=u;credentialType=ENV", "credentialType");
        refused.put("jdbc:mariadb://address=(host=127.0.0.1)(port=3306)(localSocket=/tmp/s)/x", "hosts");
        int n = 0;
        for (Map.Entry<String, String> url : refused.entrySet()) {
            JsonNode answer = send(server, "POST", "/api/v1/environments", Map.of("name", "param-" + n++, "tier", "dev",
                    "url", url.getKey()), 400);
            assertThat(answer.path("error").path("message").asText()).as(url.getKey())
                    .contains("is refused").contains(url.getValue());
        }
        assertThat(send(server, "GET", "/api/v1/environments", null, 200).path("environments").findValuesAsText("name"))
                .noneMatch(name -> name.startsWith("param-"));
    }

    @Test
    void allowedDriverParametersPass() throws Exception {
        send(server, "POST", "/api/v1/environments", Map.of("name", "tls-pg", "tier", "dev", "url",
                "jdbc:postgresql://db1.internal:5432,db2.internal:5432/shop?user=app&sslmode=verify-full"
                        + "&ApplicationName=strata&currentSchema=shop&targetServerType=primary"), 201);
        send(server, "POST", "/api/v1/environments", Map.of("name", "tls-mysql", "tier", "dev", "url",
                "jdbc:mysql://db1.internal:3306/shop?user=app&sslMode=verify-full"), 201);
    }

    private static JsonNode send(ApiServer to, String method, String path, Object body, int status) throws Exception {
        return HttpJson.send(to.port(), method, path, body, status);
    }
}
