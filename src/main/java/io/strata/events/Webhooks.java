package io.strata.events;

import io.strata.audit.EventNames;
import io.strata.audit.EventSink;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.rollout.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Webhooks is the use case behind outgoing webhooks: subscriptions (created and deleted as audit events), their
 * delivery log, and the {@link EventSink} that delivers each published event to every webhook that wants it.
 * Deliveries run on a small executor owned here, never on the thread that published: a slow or dead receiver
 * delays nothing but its own retries.
 */
public final class Webhooks implements EventSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_URL = 2000;
    private static final int MAX_SECRET = 500;

    private final WebhookStore store;
    private final WebhookSettings settings;
    private final ScheduledThreadPoolExecutor executor;
    private final HttpClient http;
    private final Destinations destinations;
    private volatile DeliveryCounter counter = DeliveryCounter.NONE;

    public Webhooks(WebhookStore store, WebhookSettings settings) {
        this.store = store;
        this.settings = settings;
        this.executor = new ScheduledThreadPoolExecutor(settings.threads(), DaemonThreads.named("strata-webhooks", true));
        // A retry waiting for its turn is dropped on close rather than holding the shutdown for its backoff.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        // A redirect is never followed: it could lead anywhere, past the destination check.
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.destinations = new Destinations(settings.allowed());
    }

    /** Where delivery attempts are counted (the server's metrics); the last one set wins. */
    public void countDeliveriesWith(DeliveryCounter counter) {
        this.counter = counter == null ? DeliveryCounter.NONE : counter;
    }

    // ---- subscriptions

    public Subscription create(String url, String secret, List<String> events, String actor) {
        String checkedUrl = checkUrl(url);
        if (secret == null || secret.isBlank()) {
            throw invalid("the secret must not be empty: deliveries are signed with it");
        }
        if (secret.length() > MAX_SECRET) {
            throw invalid("the secret is " + secret.length() + " characters; the limit is " + MAX_SECRET);
        }
        List<String> checkedEvents = checkEvents(events);
        Webhook created = store.transaction(tx -> {
            WebhookRepository tables = tx.webhooks();
            Webhook w = new Webhook(tables.nextId(), checkedUrl, WebhookSecret.of(secret), checkedEvents, actor, Instant.now());
            tables.insert(w);
            // The secret stays out of the audit trail, which anyone who may read the trail can page through.
            tx.audit().append(actor, "webhook.created", "webhook/" + w.id(), null, null,
                    details(Map.of("url", checkedUrl, "events", checkedEvents)));
            return w;
        });
        return view(created);
    }

    public List<Subscription> list() {
        return store.transaction(tx -> tx.webhooks().webhooks()).stream().map(Webhooks::view).toList();
    }

    public Subscription get(String id) {
        long key = parseId(id);
        return store.transaction(tx -> tx.webhooks().webhook(key)).map(Webhooks::view)
                .orElseThrow(() -> notFound(id));
    }

    /** Deletes a webhook and its delivery log; retries still scheduled for it stop at their next turn. */
    public void delete(String id, String actor) {
        long key = parseId(id);
        store.transaction(tx -> {
            WebhookRepository tables = tx.webhooks();
            Webhook w = tables.webhook(key).orElseThrow(() -> notFound(id));
            tables.delete(key);
            tx.audit().append(actor, "webhook.deleted", "webhook/" + key, null, null,
                    details(Map.of("url", w.url(), "events", w.events())));
            return null;
        });
    }

    /** A webhook's delivery attempts, newest first, below {@code beforeId} (0: from the newest), at most {@code limit}. */
    public List<Delivery> deliveries(String id, long beforeId, int limit) {
        long key = parseId(id);
        return store.transaction(tx -> {
            WebhookRepository tables = tx.webhooks();
            if (tables.webhook(key).isEmpty()) {
                throw notFound(id);
            }
            return tables.deliveries(key, beforeId, Math.max(1, Math.min(limit, 1_000)));
        });
    }

    // ---- delivery

    /**
     * Delivers {@code event} to every webhook subscribed to it, in the background. Call it after the transaction
     * that raised the event has committed (or, for a refusal, rolled back): a receiver must never hear of a
     * change the store does not hold.
     */
    @Override
    public void publish(String event, Map<String, Object> data) {
        if (!EventNames.ALL.contains(event)) {
            // A bug in the raiser, but the request that raised it must not fail for it.
            LOG.error("unknown event \"{}\" published; known: {}", event, EventNames.ALL);
            return;
        }
        Instant at = Instant.now();
        Map<String, Object> copy = new LinkedHashMap<>(data);
        try {
            executor.execute(() -> fanOut(event, at, copy));
        } catch (RejectedExecutionException closed) {
            LOG.debug("webhooks are closed; event {} not delivered", event);
        }
    }

    private void fanOut(String event, Instant at, Map<String, Object> data) {
        try {
            List<Webhook> hooks = store.transaction(tx -> tx.webhooks().webhooks());
            for (Webhook hook : hooks) {
                if (hook.events().contains(event)) {
                    new WebhookDelivery(this, hook, event, at, data).start();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot read the webhooks for event {}: {}", event, e.getMessage());
        }
    }

    WebhookSettings settings() {
        return settings;
    }

    HttpClient http() {
        return http;
    }

    WebhookStore store() {
        return store;
    }

    DeliveryCounter counter() {
        return counter;
    }

    Destinations destinations() {
        return destinations;
    }

    /** Runs {@code task} after {@code delayMillis} on the delivery threads; false when closed. */
    boolean schedule(Runnable task, long delayMillis) {
        try {
            executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    /** Stops delivering: attempts under way may finish (a few seconds at most), waiting retries are dropped. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(settings.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // ---- checks

    private String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("the url must not be empty");
        }
        String trimmed = url.strip();
        if (trimmed.length() > MAX_URL) {
            throw invalid("the url is " + trimmed.length() + " characters; the limit is " + MAX_URL);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid("the url \"" + clip(trimmed) + "\" is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("the url \"" + clip(trimmed) + "\" must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("the url \"" + clip(trimmed) + "\" names no host");
        }
        destinations.refusal(uri).ifPresent(why -> {
            throw invalid(why);
        });
        return trimmed;
    }

    private static List<String> checkEvents(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw invalid("give at least one event; known: " + String.join(", ", EventNames.ALL));
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String e : events) {
            if (!EventNames.ALL.contains(e)) {
                throw invalid("event \"" + clip(String.valueOf(e)) + "\" is unknown; known: " + String.join(", ", EventNames.ALL));
            }
            out.add(e);
        }
        return new ArrayList<>(out);
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw notFound(id);
        }
    }

    private static WebhookException notFound(String id) {
        return new WebhookException(WebhookException.Reason.WEBHOOK_NOT_FOUND, "webhook \"" + clip(String.valueOf(id))
                + "\" not found");
    }

    private static WebhookException invalid(String message) {
        return new WebhookException(WebhookException.Reason.INVALID_WEBHOOK, message);
    }

    private static String clip(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static Subscription view(Webhook w) {
        return new Subscription(w.id(), w.url(), w.events(), w.createdBy(), w.createdAt());
    }

    private static String details(Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details are plain values", e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
