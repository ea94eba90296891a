package io.strata.events;

/**
 * A DeliveryCounter counts webhook delivery attempts by event and outcome; the API's Prometheus metrics
 * implement it, so that {@code app} need not know the metrics library.
 */
@FunctionalInterface
public interface DeliveryCounter {

    DeliveryCounter NONE = (event, outcome) -> {
    };

    /** One attempt: {@code outcome} is {@code success}, {@code retry} or {@code failed}. */
    void count(String event, String outcome);
}
