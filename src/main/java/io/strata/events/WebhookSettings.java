package io.strata.events;

import java.time.Duration;
import java.util.List;

/**
 * WebhookSettings are how webhooks are delivered.
 *
 * @param backoff     the wait before the second attempt; it doubles before each further one
 * @param maxAttempts attempts per event and webhook, the first included
 * @param timeout     how long one attempt may take, connecting included
 * @param threads     the deliveries that may be under way at once
 * @param allowed     address blocks webhooks may reach although they are loopback, private, link-local or the
 *                    server's own ({@code strata serve --webhook-allow}); empty by default
 */
public record WebhookSettings(Duration backoff, int maxAttempts, Duration timeout, int threads, List<Cidr> allowed) {

    public WebhookSettings {
        if (backoff.isNegative() || maxAttempts < 1 || timeout.isNegative() || timeout.isZero() || threads < 1) {
            throw new IllegalArgumentException("webhook settings out of range: backoff " + backoff + ", attempts "
                    + maxAttempts + ", timeout " + timeout + ", threads " + threads);
        }
        allowed = List.copyOf(allowed);
    }

    /** Settings that allow no internal destination. */
    public WebhookSettings(Duration backoff, int maxAttempts, Duration timeout, int threads) {
        this(backoff, maxAttempts, timeout, threads, List.of());
    }

    /** 200 ms doubling, 5 attempts (about 3 s of retries), 10 s per attempt, 4 at once, no internal destination. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(Duration.ofMillis(200), 5, Duration.ofSeconds(10), 4);
    }

    /** These settings with {@code blocks} as the allowed address blocks. */
    public WebhookSettings allowing(List<Cidr> blocks) {
        return new WebhookSettings(backoff, maxAttempts, timeout, threads, blocks);
    }
}
