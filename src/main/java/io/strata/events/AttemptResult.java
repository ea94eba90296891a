package io.strata.events;

import java.time.Duration;

/**
 * An AttemptResult is how one delivery attempt ended, as the delivery log records it: the receiver's status, or a
 * class of failure ({@code timeout}, {@code connection-failed}, {@code refused-destination}...), never the socket's
 * own words, which would tell an open port from a closed one and make the log a port scanner.
 */
sealed interface AttemptResult {

    /** The class: {@code 2xx}, {@code 4xx}, {@code 5xx}..., or the kind of failure. */
    String statusClass();

    /** The receiver's HTTP status, null when no answer came. */
    default Integer status() {
        return null;
    }

    /** Why the attempt failed, starting with its class; null when the receiver took the event (2xx). */
    String error();

    /** Whether another attempt might end otherwise; a refusal of this server's own would be repeated. */
    default boolean retryable() {
        return true;
    }

    /** The receiver answered; only a 2xx takes the event (redirects are not followed). */
    record Answered(int code) implements AttemptResult {
        @Override
        public String statusClass() {
            return code / 100 + "xx";
        }

        @Override
        public Integer status() {
            return code;
        }

        @Override
        public String error() {
            return code / 100 == 2 ? null : statusClass() + ": the receiver answered " + code;
        }
    }

    /** No answer within the attempt's timeout, connecting included. */
    record TimedOut(Duration limit) implements AttemptResult {
        @Override
        public String statusClass() {
            return "timeout";
        }

        @Override
        public String error() {
            return "timeout: no answer within " + limit.toMillis() + " ms";
        }
    }

    /** No HTTP answer: the host did not resolve, the connection failed, or what came back was not HTTP. */
    record ConnectionFailed() implements AttemptResult {
        @Override
        public String statusClass() {
            return "connection-failed";
        }

        @Override
        public String error() {
            return "connection-failed: no HTTP answer from the receiver";
        }
    }

    /**
     * The server would not send: the URL's host resolves to an address webhooks may not reach
     * ({@code refused-destination}), or the webhook's secret is sealed under a key this server lacks
     * ({@code secret-unavailable}). Nothing was sent, and another attempt would be refused alike.
     */
    record Refused(String statusClass, String why) implements AttemptResult {
        static Refused destination(String why) {
            return new Refused("refused-destination", why);
        }

        static Refused secretUnavailable(String why) {
            return new Refused("secret-unavailable", why);
        }

        @Override
        public boolean retryable() {
            return false;
        }

        @Override
        public String error() {
            return statusClass + ": " + why;
        }
    }

    /** The server is closing. */
    record Interrupted() implements AttemptResult {
        @Override
        public String statusClass() {
            return "interrupted";
        }

        @Override
        public String error() {
            return "interrupted: the server is closing";
        }
    }
}
