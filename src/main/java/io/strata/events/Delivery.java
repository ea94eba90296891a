package io.strata.events;

import java.time.Instant;

/**
 * A Delivery is one attempt to deliver an event to a webhook, as logged in the store.
 *
 * @param delivery   the delivery's id (a UUID), the same for every attempt of one event to one webhook
 * @param outcome    {@code success}, {@code retry} (failed, another attempt follows) or {@code failed} (the last)
 * @param statusCode the receiver's HTTP status, null when no answer came
 * @param error      why the attempt failed, null on success
 */
public record Delivery(long id, long webhookId, String delivery, String event, int attempt, String outcome,
                             Integer statusCode, String error, Instant at, long durationMillis) {
}
