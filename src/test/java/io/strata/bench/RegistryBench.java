package io.strata.bench;

import io.strata.testing.TestKeys;
import io.strata.testing.TestDatabases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RegistryBench measures {@code strata serve} as a user runs it: the fat jar in its own JVM with a 512 MB
 * heap, loaded by {@code wrk} over loopback. It prints {@code RESULT} lines for the bench summary: start-up
 * to the first healthy answer, reads by id, compatibility checks (the same body again and again, and a new
 * body each time), registrations, and the heap after 10,000 subjects of 10 versions each.
 *
 * <pre>
 * java -cp ... io.strata.bench.RegistryBench JAR h2|postgres [SUBJECTS] [VERSIONS]
 * </pre>
 */
public final class RegistryBench {

    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DURATION = System.getProperty("strata.bench.duration", "10s");

    private RegistryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        String store = args[1];
        int subjects = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int versions = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        String storeUrl = "postgres".equals(store) ? TestDatabases.freshPostgres() : null;
        Path dir = Files.createTempDirectory("strata-bench-store");
        Path lua = Path.of("src/test/resources/bench");

        Server server = Server.start(jar, dir, storeUrl);
        result(store, "start-up to first /health 200, new store", server.startMillis + " ms");
        String base = server.base();
        post(base + "/ccompat/subjects/bench-value/versions", "{\"schema\":" + quote(avro(20, null)) + "}");
        Path fixedBody = Files.createTempFile("strata-bench", ".json");
        Files.writeString(fixedBody, "{\"schema\":" + quote(avro(20, "extra")) + "}");

        // The JIT compiles the shared request path (Jetty, Javalin, Jackson) on the first routes hit: warm it up once.
        run(command("10s", base + "/ccompat/schemas/ids/1"));
        wrk(store, "GET /ccompat/schemas/ids/{id}", base + "/ccompat/schemas/ids/1");
        wrk(store, "GET /api/v1/schemas/{id}", base + "/api/v1/schemas/bench-value");
        wrk(store, "POST /ccompat/compatibility/.../latest, same body", base
                + "/ccompat/compatibility/subjects/bench-value/versions/latest", "-s", lua.resolve("fixed-body.lua").toString(),
                "--", fixedBody.toString());
        wrk(store, "POST /ccompat/compatibility/.../latest, new body each time", base
                + "/ccompat/compatibility/subjects/bench-value/versions/latest", "-s", lua.resolve("unique-bodies.lua").toString());
        wrk(store, "register a new compatible version (64 subjects)", base + "/ccompat/subjects/reg-%d/versions",
                "-s", lua.resolve("unique-bodies.lua").toString(), "--", "/ccompat/subjects/reg-%d/versions");

        long seeded = seed(base, subjects, versions);
        result(store, "seeded " + subjects + " subjects x " + versions + " versions through the API", seeded + " ms ("
                + (subjects * (long) versions * 1000 / Math.max(1, seeded)) + " registrations/s at 8 clients)");
        result(store, "heap used after full GC, " + subjects + " x " + versions, server.heapAfterGcMb() + " MB (max 512 MB)");
        wrk(store, "GET /ccompat/schemas/ids/{random id}, large store", base + "/ccompat/schemas/ids/1", "-s",
                lua.resolve("random-ids.lua").toString(), "--", Integer.toString(subjects * versions));
        result(store, "heap used after full GC, same, with the id cache filled by those reads", server.heapAfterGcMb()
                + " MB (max 512 MB)");
        server.stop();

        Server again = Server.start(jar, dir, storeUrl);
        result(store, "start-up to first /health 200, existing store of " + subjects * versions + " versions",
                again.startMillis + " ms");
        again.stop();
    }

    /** Registers {@code versions} compatible versions of each of {@code subjects} subjects from 8 client threads. */
    private static long seed(String base, int subjects, int versions) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger failures = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                for (int s = thread; s < subjects; s += 8) {
                    for (int v = 0; v < versions; v++) {
                        String body = "{\"schema\":" + quote(avro(10, v == 0 ? null : "v" + v)) + "}";
                        try {
                            post(base + "/ccompat/subjects/seed-" + s + "/versions", body);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " seeding registrations failed");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A record of {@code fields} defaulted string fields, plus one more named {@code extra} when given. */
    static String avro(int fields, String extra) {
        StringBuilder out = new StringBuilder("{\"type\":\"record\",\"name\":\"Order\",\"fields\":[");
        for (int i = 0; i < fields; i++) {
            out.append(i == 0 ? "" : ",").append("{\"name\":\"f").append(i).append("\",\"type\":\"string\",\"default\":\"\"}");
        }
        if (extra != null) {
            out.append(",{\"name\":\"").append(extra).append("\",\"type\":\"string\",\"default\":\"\"}");
        }
        return out.append("]}").toString();
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(TestKeys.request(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
    }

    /**
     * Runs wrk for 3 s to let the JIT compile the route, then for {@link #DURATION} at 16 connections, and
     * prints the measured run's rate, median, p99 and errors.
     */
    private static void wrk(String store, String what, String url, String... extra) throws Exception {
        run(command("3s", url, extra));
        String out = run(command(DURATION, url, extra));
        String rate = find(out, "Requests/sec:\\s+([\\d.]+)");
        String p50 = find(out, "\\s50%\\s+(\\S+)");
        String p99 = find(out, "\\s99%\\s+(\\S+)");
        String non2xx = find(out, "Non-2xx or 3xx responses:\\s+(\\d+)");
        String errors = find(out, "Socket errors:([^\\n]+)");
        result(store, what, rate + " req/s, p50 " + p50 + ", p99 " + p99
                + (non2xx.isEmpty() ? "" : ", NON-2XX " + non2xx) + (errors.isEmpty() ? "" : ", socket errors" + errors));
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static List<String> command(String duration, String url, String... extra) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c16", "-d" + duration, "--latency",
                "-H", "Authorization: Bearer " + TestKeys.ADMIN_TOKEN));
        List<String> script = new ArrayList<>();
        boolean afterDashes = false;
        for (String e : extra) {
            if (e.equals("--")) {
                afterDashes = true;
            } else if (afterDashes) {
                script.add(e);
            } else {
                command.add(e);
            }
        }
        command.add(url.replace("%d", "0"));
        if (!script.isEmpty()) {
            command.add("--");
            command.addAll(script);
        }
        return command;
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1).trim() : "";
    }

    private static void result(String store, String what, String value) {
        System.out.println("RESULT registry [" + store + "] " + what + ": " + value);
    }

    /** One {@code strata serve} process. */
    private static final class Server {
        private final Process process;
        private final int port;
        private final long startMillis;

        private Server(Process process, int port, long startMillis) {
            this.process = process;
            this.port = port;
            this.startMillis = startMillis;
        }

        static Server start(Path jar, Path dir, String storeUrl) throws Exception {
            List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar.toString(), "serve",
                    "--host", "127.0.0.1", "--port", "0", "--store-dir", dir.toString()));
            if (storeUrl != null) {
                command.addAll(List.of("--store-url", storeUrl));
            }
            long started = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("STRATA_ADMIN_KEY", TestKeys.ADMIN_SECRET);
            Process process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                    break;
                }
            }
            if (port < 0) {
                throw new IllegalStateException("strata serve did not start");
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();
            while (true) {
                try {
                    HttpResponse<Void> r = HTTP.send(TestKeys.request(URI.create("http://127.0.0.1:" + port + "/health"))
                            .build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(10);
                }
            }
            return new Server(process, port, (System.nanoTime() - started) / 1_000_000);
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        long heapAfterGcMb() throws Exception {
            String pid = Long.toString(process.pid());
            new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true).start().waitFor();
            Process info = new ProcessBuilder("jcmd", pid, "GC.heap_info").redirectErrorStream(true).start();
            String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            info.waitFor();
            Matcher m = Pattern.compile("used (\\d+)K").matcher(text);
            if (!m.find()) {
                throw new IllegalStateException("cannot read the heap from jcmd: " + text);
            }
            return Long.parseLong(m.group(1)) / 1024;
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
