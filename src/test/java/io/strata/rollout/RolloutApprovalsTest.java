package io.strata.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.app.Registry;
import io.strata.error.ErrorCode;
import io.strata.model.SubjectFormat;
import io.strata.registry.RegisterRequest;
import io.strata.registry.SubjectSettings;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Who may roll out and approve what, asked of the rollout use case with operators built directly (the HTTP API
 * cannot yet say who is a releaser or proved a second factor), on real PostgreSQL targets: only releasers touch
 * production tiers (by name or by policy), a tier may count only approvals proved with a second factor, and a
 * plan's risk says why it is what it is.
 */
class RolloutApprovalsTest {

    private static final Operator ALICE = new Operator("alice", true, false);
    private static final Operator BOB = new Operator("bob", true, false);
    private static final Operator BOB_WITH_MFA = new Operator("bob", true, true);
    /** A developer: may roll out to dev, not to production. */
    private static final Operator DAVE = new Operator("dave", false, false);

    private static Registry registry;
    private static Rollouts rollouts;

    @BeforeAll
    static void start() throws Exception {
        registry = Registry.open(null, Files.createTempDirectory("strata-approvals-uc"), Map.of());
        rollouts = registry.rollouts();
        add("uc-dev", "dev", 10, null);
        add("uc-prod", "prod", 30, null);
        // Production by its policy, not its tier's name; and a tier that wants MFA on its approvals. Both at prod's
        // place in the promotion order, so they wait for dev only.
        add("uc-live", "live", 30, new EnvironmentRequest.ReviewPolicy(true, Map.of("low", 0, "high", 0), null));
        add("uc-vault", "vault", 30, new EnvironmentRequest.ReviewPolicy(null, Map.of("low", 1), true));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void onlyAReleaserCreatesExecutesApprovesOrRollsBackWhereATierIsProduction() throws Exception {
        register("uc.accounts", "CREATE TABLE accounts (id bigint PRIMARY KEY, name text);");
        assertThat(rollouts.create(request("uc.accounts", 1, "uc-dev"), DAVE).state()).as("dev is open to developers")
                .isEqualTo(RolloutState.CREATED);

        RolloutException toProd = refused(() -> rollouts.create(request("uc.accounts", 1, "uc-dev", "uc-prod", "uc-live"), DAVE));
        assertThat(toProd.reason()).isEqualTo(RolloutException.Reason.RELEASER_REQUIRED);
        assertThat(toProd.reason().code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(toProd.getMessage()).contains("dave may not create a rollout to production environments",
                "uc-prod (tier prod)", "uc-live (tier live)").doesNotContain("uc-dev");

        Rollout rollout = rollouts.create(request("uc.accounts", 1, "uc-dev", "uc-prod"), ALICE);
        assertThat(rollout.state()).isEqualTo(RolloutState.PENDING_APPROVAL);
        assertThat(refused(() -> rollouts.approve(rollout.id(), null, DAVE)).reason())
                .isEqualTo(RolloutException.Reason.RELEASER_REQUIRED);
        assertThat(rollouts.approve(rollout.id(), "fine", BOB).status().state()).isEqualTo(RolloutState.CREATED);
        RolloutException execute = refused(() -> rollouts.execute(rollout.id(), DAVE));
        assertThat(execute.getMessage()).contains("dave may not execute rollout " + rollout.id(), "uc-prod (tier prod)");
        assertThat(rollouts.get(rollout.id()).state()).as("refused before anything moved").isEqualTo(RolloutState.CREATED);

        rollouts.execute(rollout.id(), ALICE);
        assertThat(settle(rollout.id()).state()).isEqualTo(RolloutState.SUCCEEDED);
        RolloutException rollback = refused(() -> rollouts.rollback(rollout.id(), DAVE));
        assertThat(rollback.reason()).isEqualTo(RolloutException.Reason.RELEASER_REQUIRED);
        assertThat(rollback.getMessage()).contains("roll back rollout " + rollout.id());
        assertThat(rollouts.get(rollout.id()).state()).isEqualTo(RolloutState.SUCCEEDED);
    }

    @Test
    void aTierThatWantsASecondFactorCountsOnlyApprovalsThatProvedOne() throws Exception {
        register("uc.vaulted", "CREATE TABLE secrets (id bigint PRIMARY KEY, label text);");
        Rollout rollout = rollouts.create(request("uc.vaulted", 1, "uc-dev", "uc-vault"), ALICE);
        assertThat(rollout.state()).isEqualTo(RolloutState.PENDING_APPROVAL);
        assertThat(rollouts.approvals(rollout.id()).secondFactorTiers()).containsExactly("vault");

        RolloutException without = refused(() -> rollouts.approve(rollout.id(), "lgtm", BOB));
        assertThat(without.reason()).isEqualTo(RolloutException.Reason.SECOND_FACTOR_REQUIRED);
        assertThat(without.getMessage()).contains("tier vault", "second factor", "MFA", "bob did not prove one");
        assertThat(rollouts.approvals(rollout.id()).approvals()).as("nothing recorded").isEmpty();

        ApprovalOutcome with = rollouts.approve(rollout.id(), "lgtm", BOB_WITH_MFA);
        assertThat(with.recorded()).isTrue();
        assertThat(with.status().approvals()).singleElement().satisfies(a -> {
            assertThat(a.approver()).isEqualTo("bob");
            assertThat(a.secondFactor()).isTrue();
            assertThat(a.planChecksum()).isEqualTo(rollout.review().planChecksum());
        });
        assertThat(with.status().state()).isEqualTo(RolloutState.CREATED);
    }

    @Test
    void aPlanIsHighRiskWhenItLosesDataLocksAnOldTableBreaksOldClientsOrContracts() throws Exception {
        register("uc.counters", "CREATE TABLE counters (name text, hits integer);");
        registry.register().run(new RegisterRequest("uc.counters", null, null, null,
                "CREATE TABLE counters (name text, hits bigint);", "alice", null, null));
        registry.register().run(new RegisterRequest("uc.counters", null, null, null,
                "CREATE TABLE counters (name text, hits bigint, note text);", "alice", null, null));
        // Without a key to backfill by, the wider type is written in place: the table is rewritten under its lock.
        Rollout rewrite = rollouts.create(request("uc.counters", 2, "uc-dev"), ALICE);
        Review widened = rewrite.review();
        assertThat(widened.risk()).isEqualTo(Risk.HIGH);
        assertThat(reasons(rewrite)).contains("locks a table that existed before", "LK101");
        Rollout added = rollouts.create(request("uc.counters", 3, "uc-dev"), ALICE);
        assertThat(added.review().risk()).as("a nullable column added").isEqualTo(Risk.LOW);
        assertThat(added.review().requiredApprovals()).isZero();
        assertThat(added.review().planChecksum()).isNotEqualTo(widened.planChecksum()).hasSize(64);

        register("uc.people", "CREATE TABLE people (id bigint PRIMARY KEY, name text, email text);");
        registry.register().run(new RegisterRequest("uc.people", null, null, null,
                "CREATE TABLE people (id bigint PRIMARY KEY, full_name text, -- strata:renamed-from name\n email text);", "alice", null,
                null));
        Rollout expand = rollouts.create(new RolloutRequest("uc.people", "2", "EXPAND", List.of("uc-dev"), null, null, null, null,
                null, false), ALICE);
        assertThat(expand.review().risk()).as("EXPAND keeps the old shape working").isEqualTo(Risk.LOW);
        Rollout whole = rollouts.create(request("uc.people", 2, "uc-dev"), ALICE);
        assertThat(whole.review().risk()).isEqualTo(Risk.HIGH);
        assertThat(reasons(whole)).contains("breaks clients of the version before", "carries a CONTRACT phase");
    }

    private static String reasons(Rollout r) throws Exception {
        return new ObjectMapper().readTree(r.preflight()).path("risk").path("reasons").toString();
    }

    private static void add(String name, String tier, int order, EnvironmentRequest.ReviewPolicy policy) {
        registry.environments().add(new EnvironmentRequest(name, tier, order, null, TestDatabases.freshPostgres(), "none", true,
                Map.of(), policy), "alice");
    }

    private static void register(String subject, String ddl) {
        registry.register().run(new RegisterRequest(subject, null, SubjectFormat.SQL, "postgres", ddl, "alice", null,
                new SubjectSettings("NONE", null, null, null, null)));
    }

    private static RolloutRequest request(String subject, int version, String... environments) {
        return new RolloutRequest(subject, Integer.toString(version), null, List.of(environments), null, null, null, null, null, false);
    }

    private static RolloutException refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        RolloutException e = catchThrowableOfType(call, RolloutException.class);
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    /** The rollout once it stops moving (three minutes at most). */
    private static Rollout settle(long id) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        Rollout r = rollouts.get(id);
        while ((r.state() == RolloutState.RUNNING || r.state() == RolloutState.ROLLING_BACK) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = rollouts.get(id);
        }
        return r;
    }
}
