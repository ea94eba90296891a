package io.strata.rollout;

import io.strata.registry.RegistryException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Clients is the use case behind the client versions applications report (seed 001 made enforceable): each
 * running instance says which version of a subject it reads and writes in an environment, by heartbeat; an
 * entry silent for longer than the expiry no longer counts. Rollouts refuse, in an environment, a version
 * that breaks the clients of an older version while such a client is live there.
 */
public final class Clients {

    public static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(60);

    private final RolloutStore store;
    private volatile Duration expiry = DEFAULT_EXPIRY;

    public Clients(RolloutStore store) {
        this.store = store;
    }

    /** How long a client stays live after its last heartbeat. */
    public void expireAfter(Duration silence) {
        if (silence.isNegative() || silence.isZero()) {
            throw new IllegalArgumentException("the client expiry must be positive, got " + silence);
        }
        this.expiry = silence;
    }

    public ClientVersion report(String environment, String subject, String service, String instance, int reads, int writes) {
        for (String[] field : new String[][]{{"subject", subject}, {"service", service}, {"instance", instance}}) {
            if (field[1] == null || field[1].isBlank() || field[1].length() > 255) {
                throw new RolloutException(RolloutException.Reason.INVALID_REQUEST, "field \"" + field[0]
                        + "\" is required (1-255 characters)");
            }
        }
        if (reads < 1 || writes < 1) {
            throw new RolloutException(RolloutException.Reason.INVALID_REQUEST, "reads and writes are version numbers, 1 or more");
        }
        ClientVersion client = new ClientVersion(environment, subject, service, instance, reads, writes, Instant.now());
        store.transaction(tx -> {
            if (tx.environments().named(environment).isEmpty()) {
                throw new RolloutException(RolloutException.Reason.ENVIRONMENT_NOT_FOUND, "environment \"" + environment + "\" not found");
            }
            if (tx.subjects().byName(subject).isEmpty()) {
                throw new RegistryException(RegistryException.Reason.SUBJECT_NOT_FOUND, "subject \"" + subject + "\" not found");
            }
            tx.clients().heartbeat(client);
            return null;
        });
        return client;
    }

    /** The clients live in {@code environment} now. */
    public List<ClientVersion> live(String environment) {
        return store.transaction(tx -> {
            if (tx.environments().named(environment).isEmpty()) {
                throw new RolloutException(RolloutException.Reason.ENVIRONMENT_NOT_FOUND, "environment \"" + environment + "\" not found");
            }
            return tx.clients().live(environment, Instant.now().minus(expiry));
        });
    }
}
