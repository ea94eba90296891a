package io.strata.events;

import io.strata.audit.AuditLog;

/**
 * A WebhookTransaction is one unit of work on the webhooks and the audit trail: a webhook created or removed is
 * recorded in the same transaction. A port the store implements.
 */
public interface WebhookTransaction {

    WebhookRepository webhooks();

    AuditLog audit();
}
