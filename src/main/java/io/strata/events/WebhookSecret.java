package io.strata.events;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A WebhookSecret is a webhook's signing secret, held closed until a delivery signs with it: the store opens its
 * sealed form only then, so a webhook whose secret cannot be opened fails alone, and listing webhooks never
 * decrypts anything. It never prints.
 */
public final class WebhookSecret {

    private final Supplier<String> opener;

    private WebhookSecret(Supplier<String> opener) {
        this.opener = opener;
    }

    /** A secret as a client gave it. */
    public static WebhookSecret of(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        return new WebhookSecret(() -> plaintext);
    }

    /** A secret that {@code opener} opens when it is first needed; it may throw then. */
    public static WebhookSecret sealed(Supplier<String> opener) {
        return new WebhookSecret(opener);
    }

    /** The secret's text; throws when it cannot be opened. */
    public String reveal() {
        return opener.get();
    }

    @Override
    public String toString() {
        return "(secret)";
    }
}
