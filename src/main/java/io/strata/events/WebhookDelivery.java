package io.strata.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.strata.error.StrataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A WebhookDelivery is one event on its way to one webhook: the signed body, built once so every attempt sends
 * the same bytes, and the attempts, each logged in the store with its {@link AttemptResult}, retried with doubling
 * waits on a connection error or an answer other than 2xx. Before each attempt the URL's host is resolved and
 * checked again ({@link Destinations}), since it may point elsewhere than when the webhook was created.
 */
final class WebhookDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final int MAX_ERROR = 1000;

    private final Webhooks owner;
    private final Webhook hook;
    private final String event;
    private final String id = UUID.randomUUID().toString();
    private final byte[] body;
    /** Set once by {@link #start()}, before the first attempt. */
    private String signature;

    WebhookDelivery(Webhooks owner, Webhook hook, String event, Instant at, Map<String, Object> data) {
        this.owner = owner;
        this.hook = hook;
        this.event = event;
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("event", event);
        // The delivery's id, the same on every attempt, so a receiver can drop a retry it already handled.
        envelope.put("id", id);
        envelope.put("at", at.toString());
        envelope.put("data", data);
        try {
            this.body = Webhooks.json().writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data is plain values", e);
        }
    }

    void start() {
        try {
            signature = WebhookSignature.of(hook.secret().reveal(), body);
        } catch (StrataException e) {
            // The secret is sealed under a key this server lacks: nothing can be signed, so nothing is sent.
            finish(1, AttemptResult.Refused.secretUnavailable(e.getMessage()), Instant.now(), 0);
            return;
        }
        attempt(1);
    }

    private void attempt(int attempt) {
        if (attempt > 1 && !stillSubscribed()) {
            return;
        }
        long started = System.nanoTime();
        Instant at = Instant.now();
        URI uri = URI.create(hook.url());
        AttemptResult result = owner.destinations().blocked(uri).orElseGet(() -> send(uri));
        finish(attempt, result, at, (System.nanoTime() - started) / 1_000_000);
    }

    private AttemptResult send(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(owner.settings().timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Strata-Webhooks")
                    .header(WebhookSignature.HEADER, signature)
                    .header("X-Strata-Event", event)
                    .header("X-Strata-Delivery", id)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return new AttemptResult.Answered(owner.http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return new AttemptResult.TimedOut(owner.settings().timeout());
        } catch (IOException | IllegalArgumentException e) {
            // The exception's text would tell a closed port from an open one that spoke no HTTP: it stays out of the log.
            return new AttemptResult.ConnectionFailed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AttemptResult.Interrupted();
        }
    }

    /** Logs and counts the attempt, then schedules the next one or gives up. */
    private void finish(int attempt, AttemptResult result, Instant at, long millis) {
        String error = result.error();
        boolean ok = error == null;
        boolean last = attempt >= owner.settings().maxAttempts() || Thread.currentThread().isInterrupted()
                || !result.retryable();
        String outcome = ok ? "success" : last ? "failed" : "retry";
        log(attempt, outcome, result.status(), error, at, millis);
        owner.counter().count(event, outcome);
        if (!ok && !last) {
            long wait = owner.settings().backoff().toMillis() << Math.min(attempt - 1, 20);
            if (!owner.schedule(() -> attempt(attempt + 1), wait)) {
                LOG.debug("webhooks closed; delivery {} to webhook {} stops after attempt {}", id, hook.id(), attempt);
            }
        } else if (!ok) {
            LOG.warn("webhook {} did not take event {} after {} attempts: {}", hook.id(), event, attempt, error);
        }
    }

    /** Whether the webhook still exists: one deleted while its retries waited gets none. */
    private boolean stillSubscribed() {
        try {
            return owner.store().transaction(tx -> tx.webhooks().webhook(hook.id())).isPresent();
        } catch (RuntimeException e) {
            LOG.debug("cannot read webhook {}: {}", hook.id(), e.getMessage());
            return false;
        }
    }

    private void log(int attempt, String outcome, Integer status, String error, Instant at, long millis) {
        String clipped = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        try {
            owner.store().transaction(tx -> {
                WebhookRepository tables = tx.webhooks();
                tables.insertDelivery(new Delivery(tables.nextId(), hook.id(), id, event, attempt, outcome, status,
                        clipped, at, millis));
                return null;
            });
        } catch (RuntimeException e) {
            // The webhook was deleted meanwhile, or the store is closing: the attempt happened all the same.
            LOG.debug("cannot log attempt {} of delivery {}: {}", attempt, id, e.getMessage());
        }
    }
}
