package io.strata.events;

import java.time.Instant;
import java.util.List;

/**
 * A Webhook is one subscription to Strata's events as the store keeps it: where to POST them, the secret
 * they are signed with (opened only to sign), and which events it wants.
 */
public record Webhook(long id, String url, WebhookSecret secret, List<String> events, String createdBy, Instant createdAt) {

    public Webhook {
        events = List.copyOf(events);
    }
}
