package io.strata.events;

import java.time.Duration;

/**
 * WebhookSettings are how webhooks are delivered.
 *
 * @param backoff     the wait before the second attempt; it doubles before each further one
 * @param maxAttempts attempts per event and webhook, the first included
 * @param timeout     how long one attempt may take, connecting included
 * @param threads     the deliveries that may be under way at once
 */
public record WebhookSettings(Duration backoff, int maxAttempts, Duration timeout, int threads) {

    public WebhookSettings {
        if (backoff.isNegative() || maxAttempts < 1 || timeout.isNegative() || timeout.isZero() || threads < 1) {
            throw new IllegalArgumentException("webhook settings out of range: backoff " + backoff + ", attempts "
                    + maxAttempts + ", timeout " + timeout + ", threads " + threads);
        }
    }

    /** 200 ms doubling, 5 attempts (about 3 s of retries), 10 s per attempt, 4 at once. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(Duration.ofMillis(200), 5, Duration.ofSeconds(10), 4);
    }
}
