package io.strata.rollout;

import org.junit.jupiter.api.Test;

import static io.strata.rollout.RolloutState.ABORTED;
import static io.strata.rollout.RolloutState.CREATED;
import static io.strata.rollout.RolloutState.PAUSED;
import static io.strata.rollout.RolloutState.PENDING_APPROVAL;
import static io.strata.rollout.RolloutState.ROLLED_BACK;
import static io.strata.rollout.RolloutState.ROLLING_BACK;
import static io.strata.rollout.RolloutState.RUNNING;
import static io.strata.rollout.RolloutState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RolloutStateTest pins the moves a rollout's state allows: what pause, resume, abort and rollback may do, and when;
 * and how approvals gate the start.
 */
class RolloutStateTest {

    @Test
    void operatorsActionsAreAllowedFromTheStatesTheApiDocuments() {
        assertThat(RolloutState.before(RUNNING)).as("execute / resume").containsExactly(CREATED, PAUSED);
        assertThat(RolloutState.before(PAUSED)).as("pause").containsExactly(CREATED, RUNNING);
        assertThat(RolloutState.before(ABORTED)).as("abort").containsExactly(CREATED, PAUSED, PENDING_APPROVAL, RUNNING);
        assertThat(RolloutState.before(ROLLING_BACK)).as("rollback").containsExactly(ABORTED, PAUSED, ROLLED_BACK, SUCCEEDED);
    }

    @Test
    void aRunningRolloutIsPausedBeforeItGoesBack() {
        assertThat(RUNNING.canMoveTo(ROLLING_BACK)).isFalse();
        assertThat(PAUSED.canMoveTo(ROLLING_BACK)).isTrue();
    }

    @Test
    void onlyTheEngineEndsARollout() {
        assertThat(RolloutState.before(SUCCEEDED)).containsExactly(RUNNING);
        assertThat(RolloutState.before(ROLLED_BACK)).containsExactly(ROLLING_BACK);
        assertThat(ROLLING_BACK.next()).containsExactly(ROLLED_BACK);
    }

    @Test
    void aRolloutWaitingForApprovalsNeitherStartsNorPausesAndOnlyApprovalsMakeItCreated() {
        assertThat(PENDING_APPROVAL.next()).containsExactlyInAnyOrder(CREATED, ABORTED);
        assertThat(PENDING_APPROVAL.canMoveTo(RUNNING)).isFalse();
        assertThat(PENDING_APPROVAL.canMoveTo(PAUSED)).isFalse();
        assertThat(RolloutState.before(CREATED)).as("enough approvals").containsExactly(PENDING_APPROVAL);
    }

    @Test
    void aChangedPlanSendsARolloutThatNeverRanBackToWaiting() {
        assertThat(RolloutState.before(PENDING_APPROVAL)).containsExactly(CREATED, PAUSED);
        for (RolloutState s : new RolloutState[]{RUNNING, SUCCEEDED, ABORTED, ROLLING_BACK, ROLLED_BACK}) {
            assertThat(s.canMoveTo(PENDING_APPROVAL)).as(s.name()).isFalse();
        }
    }

    @Test
    void noStateMovesToItself() {
        for (RolloutState s : RolloutState.values()) {
            assertThat(s.canMoveTo(s)).as(s.name()).isFalse();
        }
    }
}
