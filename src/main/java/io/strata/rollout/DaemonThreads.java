package io.strata.rollout;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DaemonThreads names the threads of Strata's background work (rollouts, drift checks, webhook deliveries):
 * daemons, so that an interrupted server or command never waits on them to exit.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads called {@code name}, or {@code name-1}, {@code name-2}... when {@code numbered}. */
    public static ThreadFactory named(String name, boolean numbered) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, numbered ? name + "-" + count.incrementAndGet() : name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
