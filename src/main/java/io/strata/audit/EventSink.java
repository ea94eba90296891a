package io.strata.audit;

import java.util.Map;

/**
 * An EventSink is where use cases raise Strata's events ({@link EventNames}) once the work that raised them
 * is over. Publishing never blocks and never throws: an event is news for others, not part of the request.
 */
@FunctionalInterface
public interface EventSink {

    /** A sink that drops everything, for use cases built without webhooks (tests, the CLI). */
    EventSink NONE = (event, data) -> {
    };

    /** Raises {@code event} (one of {@link EventNames#ALL}) with its data, a small JSON-ready map. */
    void publish(String event, Map<String, Object> data);
}
