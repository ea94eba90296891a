package io.strata.events;

import java.time.Instant;
import java.util.List;

/**
 * A Subscription is a webhook as its readers see it: everything but the secret, which is written once and
 * never read back out.
 */
public record Subscription(long id, String url, List<String> events, String createdBy, Instant createdAt) {

    public Subscription {
        events = List.copyOf(events);
    }
}
