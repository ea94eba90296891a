package io.strata.rollout;

import io.strata.dialect.JdbcUrls;
import io.strata.error.StrataException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * TargetReachability connects to each target of a rollout before it is created, several at a time, so that
 * a database that cannot be reached (or whose credentials reference no longer resolves) refuses the
 * rollout before anything runs anywhere, rather than stopping it half way.
 */
final class TargetReachability {

    private static final int AT_ONCE = 16;

    private TargetReachability() {
    }

    /** What is wrong with each target that cannot be reached, as {@code name: reason}; empty when all answer. */
    static List<String> unreachable(List<Environment> targets, TargetConnections connections) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(AT_ONCE, targets.size())),
                DaemonThreads.named("strata-reach", false));
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (Environment e : targets) {
                answers.add(pool.submit(() -> problem(e, connections)));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> answer : answers) {
                String problem = answer.get();
                if (problem != null) {
                    out.add(problem);
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to the rollout's targets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot check the rollout's targets", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String problem(Environment environment, TargetConnections connections) {
        try (Connection ignored = connections.probe(environment)) {
            return null;
        } catch (SQLException | StrataException | CredentialsRef.CredentialsException e) {
            return environment.name() + ": " + JdbcUrls.redact(String.valueOf(e.getMessage()));
        }
    }
}
