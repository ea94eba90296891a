package io.strata.events;

import java.util.List;
import java.util.Optional;

/** A WebhookRepository holds webhooks and their delivery log; a port the store implements. */
public interface WebhookRepository {

    long nextId();
    
    void insert(StoredWebhook w);
    
    boolean delete(long id);
    
    Optional<StoredWebhook> webhook(long id);
    
    List<StoredWebhook> webhooks();
    
    void insertDelivery(StoredDelivery d);
    
    List<StoredDelivery> deliveries(long webhookId, long beforeId, int limit);
}
