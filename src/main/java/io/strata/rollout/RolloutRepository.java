package io.strata.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A RolloutRepository holds rollouts and their tasks, and hands environments out to servers under leases; a port the store implements. */
public interface RolloutRepository {

    void insert(Rollout r);
    
    Optional<Rollout> get(long id);
    
    List<Rollout> list(int limit);
    
    Optional<Rollout> lastFor(String environment);
    
    List<Long> active();
    
    void setState(long id, RolloutState state, String note);

    /** Replaces the preflight and review of rollout {@code id}: its plan was checked again and changed. */
    void revise(long id, String preflight, Review review);
    
    void openWave(long id, int wave);
    
    void resetTasks(long id, TaskState from, TaskState to);
    
    /** Claims the next environment of rollout {@code id} this server may work on, under a lease until {@code leaseUntil}. */
    Optional<Claim> claim(long id, String owner, Instant now, Instant leaseUntil);
    
    Integer currentWave(long id, boolean forward);
    
    int renew(String owner, Instant leaseUntil);
    
    boolean finish(long id, String environment, String owner, TaskState state, String message, Instant finished);
    
    int releaseAll();
    
    Set<String> succeeded(String subject, int version, String phase);

    /** An environment claimed, and whether it is to be migrated ({@code forward}) or taken back. */
    record Claim(String environment, boolean forward) {
    }
}
