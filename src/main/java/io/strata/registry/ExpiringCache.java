package io.strata.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * ExpiringCache keeps read-mostly answers for a short time. Another server sharing the store may change
 * what is cached here; expiry bounds how long this one can answer from before that change, while a
 * server's own writes clear the entries they touch at once.
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxSize;

    ExpiringCache(long ttlMillis, int maxSize) {
        this.ttlNanos = ttlMillis * 1_000_000;
        this.maxSize = maxSize;
    }

    /** The cached value, or {@code load}'s (cached when not null). */
    V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.expiresAt - now > 0) {
            return entry.value;
        }
        V value = load.apply(key);
        if (value != null) {
            if (entries.size() >= maxSize) {
                evictSome();
            }
            entries.put(key, new Entry<>(value, now + ttlNanos));
        }
        return value;
    }

    /**
     * Drops about an eighth of the entries, whichever the map yields first: cheaper than tracking recency on
     * every hit, and unlike clearing everything it keeps most of a working set larger than the cache.
     */
    private void evictSome() {
        int toDrop = Math.max(1, maxSize / 8);
        var keys = entries.keySet().iterator();
        while (toDrop-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    void invalidate(K key) {
        entries.remove(key);
    }

    void clear() {
        entries.clear();
    }
}
