package io.strata.rollout;

import java.util.List;
import java.util.Optional;

/** An EnvironmentRepository holds the environments rollouts go to; a port the store implements. */
public interface EnvironmentRepository {

    /** Environments in promotion order, then by name. */
    List<Environment> all();
    
    Optional<Environment> named(String name);
    
    void insert(Environment e);
    
    boolean delete(String name);
}
