package io.strata.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ServerProcess is a {@code strata serve} in a JVM of its own, started from the test classpath on a free
 * port, so a test can kill it as a crashed host would be (SIGKILL: no shutdown hook runs, connections
 * drop mid-statement) and start another one on the same store.
 *
 * <p>The server replays PostgreSQL subjects on an embedded scratch server it starts itself (zonky, through
 * {@code pg_ctl}, which detaches the postmaster: it is no child of the JVM). Its shutdown hook stops it; a
 * SIGKILL does not, so the server gets a temporary directory of its own, where that scratch server's data
 * directory (and its {@code postmaster.pid}) can be found and stopped after the kill.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+:(\\d+))");
    private static final long START_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(90);

    private final Process process;
    private final Path tmp;
    private final Path log;
    private final String baseUrl;
    private final int port;

    private ServerProcess(Process process, Path tmp, Path log, String baseUrl, int port) {
        this.process = process;
        this.tmp = tmp;
        this.log = log;
        this.baseUrl = baseUrl;
        this.port = port;
    }

    /**
     * Starts {@code strata serve --port 0} with {@code serveArgs}, in {@code dir} (its working directory and
     * where its output goes), and waits for the line that says where it listens.
     *
     * @param jvmArgs options for the server's JVM, such as {@code -Xmx256m}
     */
    public static ServerProcess start(Path dir, List<String> jvmArgs, List<String> serveArgs) throws IOException {
        Files.createDirectories(dir);
        Path log = Files.createTempFile(dir, "serve-", ".log");
        Path tmp = Files.createTempDirectory(dir, "tmp-");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + tmp);
        // The PostgreSQL binaries zonky unpacks stay shared with every other JVM, as they would be without the line above.
        command.add("-Dot.epg.working-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.strata.cli.StrataCli", "serve", "--port", "0"));
        command.addAll(serveArgs);
        // Output goes straight to a file: nothing has to drain a pipe for the server to keep writing, and the
        // file stays behind for diagnosis.
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("STRATA_ADMIN_KEY", TestKeys.ADMIN_SECRET);
        Process process = builder.start();
        try {
            Matcher listening = awaitListening(process, log);
            return new ServerProcess(process, tmp, log, listening.group(1), Integer.parseInt(listening.group(2)));
        } catch (IOException | RuntimeException | AssertionError e) {
            stop(process);
            stopScratchServers(tmp);
            throw e;
        }
    }

    private static Matcher awaitListening(Process process, Path log) throws IOException {
        long deadline = System.nanoTime() + START_DEADLINE_NANOS;
        while (true) {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Matcher m = LISTENING.matcher(output);
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                throw new AssertionError("strata serve exited with " + process.exitValue() + " before listening:\n" + output);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("strata serve did not say where it listens within "
                        + TimeUnit.NANOSECONDS.toSeconds(START_DEADLINE_NANOS) + " s:\n" + output);
            }
            pause(50);
        }
    }

    /** Where it listens, such as {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return port;
    }

    /** The server's process id: what its claims on rollout tasks start with ({@code pid@host/...}). */
    public long pid() {
        return process.pid();
    }

    /** Everything the server printed so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /**
     * SIGKILL, as a crashed host: the server gets no chance to finish or record anything. Returns once it is
     * gone, having stopped the scratch server it left behind.
     */
    public void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        awaitExit(process);
        children.forEach(ProcessHandle::destroyForcibly);
        stopScratchServers(tmp);
    }

    /** Stops the server as an operator would (SIGTERM, so it closes its store), and kills it if it does not go. */
    @Override
    public void close() {
        stop(process);
        stopScratchServers(tmp);
    }

    /**
     * Stops each embedded PostgreSQL whose data directory is under {@code tmp} and that still runs, found by
     * the pid its postmaster wrote there; SIGTERM first, so it removes its shared memory on the way out.
     */
    private static void stopScratchServers(Path tmp) {
        try (var dirs = Files.newDirectoryStream(tmp, "epg*")) {
            for (Path data : dirs) {
                Path pidFile = data.resolve("postmaster.pid");
                if (Files.exists(pidFile)) {
                    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                    // The pid is checked to be a postgres, in case the file outlived its process and the pid was reused.
                    ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                            .ifPresent(ServerProcess::terminate);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot look for the scratch servers under " + tmp, e);
        }
    }

    private static void terminate(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                awaitExit(process);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitExit(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("strata serve (pid " + process.pid() + ") still runs 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for strata serve", e);
        }
    }
}
