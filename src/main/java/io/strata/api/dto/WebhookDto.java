package io.strata.api.dto;

import io.strata.events.Subscription;

import java.util.List;

/** A WebhookDto is a webhook as the API answers it: where events go and which; never its secret. */
public record WebhookDto(long id, String url, List<String> events, String createdBy, String createdAt) {

    public static WebhookDto of(Subscription s) {
        return new WebhookDto(s.id(), s.url(), s.events(), s.createdBy(), s.createdAt().toString());
    }
}
