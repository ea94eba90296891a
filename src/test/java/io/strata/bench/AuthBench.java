package io.strata.bench;

import io.strata.api.AccessSettings;
import io.strata.api.ApiServer;
import io.strata.api.ServerSettings;
import io.strata.app.Registry;
import io.strata.model.SubjectFormat;
import io.strata.registry.RegisterRequest;
import io.strata.security.Principal;
import io.strata.security.Role;
import io.strata.testing.TestKeys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AuthBench measures what authentication costs on the hottest read, {@code GET /ccompat/schemas/ids/{id}} at 16
 * connections: one registry, two servers in one JVM, one behind the gate (a developer's API key as Basic, the way
 * Kafka serializers send it, verified once and then remembered) and one that takes every request as that same
 * developer without reading a header. {@code wrk} loads them in turn, several rounds, so drift of the host shows.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench-cp.txt) io.strata.bench.AuthBench [ROUNDS]
 * </pre>
 */
public final class AuthBench {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("99%\\s+(\\S+)");

    private AuthBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        Path dir = Files.createTempDirectory("strata-auth-bench");
        try (Registry registry = Registry.open(null, dir, Map.of())) {
            registry.register().run(new RegisterRequest("bench-value", null, SubjectFormat.AVRO, null,
                    "{\"type\":\"record\",\"name\":\"B\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}", "bench", null, null));
            String token = TestKeys.issue(registry, "bench-app", "developer", "bench");
            String keyId = token.substring(0, token.indexOf('.'));
            String basic = java.util.Base64.getEncoder().encodeToString((keyId + ":" + token.substring(keyId.length() + 1))
                    .getBytes(StandardCharsets.UTF_8));
            Principal same = new Principal(Principal.Kind.API_KEY, keyId, "bench-app", Role.DEVELOPER, Set.of("bench"), false);
            ServerSettings settings = new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY);
            try (ApiServer gated = ApiServer.start(registry, settings);
                 ApiServer open = ApiServer.start(registry, settings, AccessSettings.withoutAuthenticationToMeasure(same))) {
                String header = "Authorization: Basic " + basic;
                wrk("10s", gated.port(), header);
                wrk("10s", open.port(), null);
                List<Double> with = new ArrayList<>();
                List<Double> without = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    // Alternate which goes first, so that the host warming or cooling does not favour one.
                    String a;
                    String b;
                    if (round % 2 == 1) {
                        a = wrk("10s", gated.port(), header);
                        b = wrk("10s", open.port(), null);
                    } else {
                        b = wrk("10s", open.port(), null);
                        a = wrk("10s", gated.port(), header);
                    }
                    with.add(rate(a));
                    without.add(rate(b));
                    System.out.printf("RESULT auth round %d: with a key %.0f req/s (p99 %s), without authentication %.0f req/s (p99 %s)%n",
                            round, rate(a), find(P99, a), rate(b), find(P99, b));
                }
                double w = with.stream().mapToDouble(Double::doubleValue).sum();
                double wo = without.stream().mapToDouble(Double::doubleValue).sum();
                System.out.printf("RESULT auth overall: with a key %.0f req/s, without %.0f req/s: authentication costs %.1f%%%n",
                        w / rounds, wo / rounds, 100 * (1 - w / wo));
            }
        }
    }

    private static String wrk(String duration, int port, String header) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c16", "-d" + duration, "--latency"));
        if (header != null) {
            command.addAll(List.of("-H", header));
        }
        command.add("http://127.0.0.1:" + port + "/ccompat/schemas/ids/1");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        if (out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk saw failed requests:\n" + out);
        }
        return out;
    }

    private static double rate(String wrk) {
        return Double.parseDouble(find(RATE, wrk));
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "?";
    }
}
