package io.strata.api.dto;

import io.strata.events.Delivery;

/**
 * A DeliveryDto is one attempt to deliver an event to a webhook, as its delivery log shows it.
 *
 * @param statusCode the receiver's HTTP status, null when no answer came
 */
public record DeliveryDto(long id, String delivery, String event, int attempt, String outcome, Integer statusCode,
                          String error, String at, long durationMs) {

    public static DeliveryDto of(Delivery d) {
        return new DeliveryDto(d.id(), d.delivery(), d.event(), d.attempt(), d.outcome(), d.statusCode(), d.error(),
                d.at().toString(), d.durationMillis());
    }
}
