package io.strata.events;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * WebhookSignature is the {@code X-Strata-Signature} value of a delivery: {@code sha256=} and the hex HMAC-SHA256
 * of the exact body bytes, keyed with the webhook's secret, so a receiver can tell Strata's posts from forgeries.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Strata-Signature";

    private WebhookSignature() {
    }

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
