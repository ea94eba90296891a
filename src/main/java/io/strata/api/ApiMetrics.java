package io.strata.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * ApiMetrics holds the server's Prometheus metrics: requests by route and status, registrations by outcome, webhook
 * deliveries by event and outcome, the JVM.
 */
final class ApiMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> registrations = new ConcurrentHashMap<>();
    private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();

    ApiMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
    }

    /** Records one answered request under its route template (not its path: subjects would explode the series). */
    void request(String method, String route, int status, long nanos) {
        String key = method + " " + route + " " + status;
        timers.computeIfAbsent(key, k -> Timer.builder("strata.http.requests")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts a registration: {@code created}, {@code existing} or {@code refused}. */
    void registration(String outcome) {
        registrations.computeIfAbsent(outcome, o -> Counter.builder("strata.registrations")
                .tag("outcome", o).register(registry)).increment();
    }

    /** Counts a webhook delivery attempt: {@code success}, {@code retry} or {@code failed}. */
    void webhookDelivery(String event, String outcome) {
        deliveries.computeIfAbsent(event + " " + outcome, k -> Counter.builder("strata.webhook.deliveries")
                .tag("event", event).tag("outcome", outcome).register(registry)).increment();
    }

    private FleetMetrics fleet;

    /** Reports rollouts and drift of {@code source} too, read from its store at each scrape. */
    void watchFleet(io.strata.app.Registry source) {
        this.fleet = new FleetMetrics(source, registry);
    }

    String scrape() {
        if (fleet != null) {
            fleet.refresh();
        }
        return registry.scrape();
    }
}
