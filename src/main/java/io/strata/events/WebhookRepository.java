package io.strata.events;

import java.util.List;
import java.util.Optional;

/** A WebhookRepository holds webhooks and their delivery log; a port the store implements. */
public interface WebhookRepository {

    long nextId();
    
    void insert(Webhook w);
    
    boolean delete(long id);
    
    Optional<Webhook> webhook(long id);
    
    List<Webhook> webhooks();
    
    void insertDelivery(Delivery d);
    
    List<Delivery> deliveries(long webhookId, long beforeId, int limit);
}
