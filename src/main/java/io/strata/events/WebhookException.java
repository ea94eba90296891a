package io.strata.events;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

/** A WebhookException refuses a webhook request: a subscription that is not valid, or a webhook that does not exist. */
public final class WebhookException extends StrataException {

    /** Why; the API answers 422 and 404 with the reason's name as the error code. */
    public enum Reason { INVALID_WEBHOOK, WEBHOOK_NOT_FOUND }

    private final Reason reason;

    public WebhookException(Reason reason, String message) {
        super(reason == Reason.WEBHOOK_NOT_FOUND ? ErrorCode.NOT_FOUND : ErrorCode.BAD_INPUT, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
