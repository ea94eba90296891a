package io.strata.migrate;

/**
 * An Approval is the last word of the person who started a run, asked after every check passed and before the first
 * statement: the plan shown is the plan that runs, since the target's migration lock is held between the two. A run
 * nobody watches (a rollout, CI) is approved by {@link #GRANTED}.
 */
public interface Approval {

    /** Approves every run without asking. */
    Approval GRANTED = new Approval() {
        @Override
        public boolean approves(ApplyProposal proposal) {
            return true;
        }

        @Override
        public boolean approves(RollbackProposal proposal) {
            return true;
        }
    };

    /** Whether {@code proposal} may run; false leaves the target untouched and records nothing. */
    boolean approves(ApplyProposal proposal);

    /** Whether the rollback {@code proposal} may run; false leaves the target untouched and records nothing. */
    boolean approves(RollbackProposal proposal);
}
