package io.strata.registry;

import io.strata.app.Registry;
import io.strata.audit.AuditEvent;
import io.strata.model.SubjectFormat;
import io.strata.store.TestStores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry's use cases on both stores: registration, idempotency, refusal, semantic versions, deletes, audit. */
class RegistryTest {

    static final String V1 = """
            {"type":"record","name":"Order","namespace":"shop","fields":[
              {"name":"id","type":"long"},{"name":"total","type":"double"}]}""";
    static final String V2_ADDS = """
            {"type":"record","name":"Order","namespace":"shop","fields":[
              {"name":"id","type":"long"},{"name":"total","type":"double"},
              {"name":"currency","type":"string","default":"EUR"}]}""";
    static final String V2_DOC = """
            {"type":"record","name":"Order","namespace":"shop","doc":"An order.","fields":[
              {"name":"id","type":"long"},{"name":"total","type":"double"}]}""";
    static final String BREAKS = """
            {"type":"record","name":"Order","namespace":"shop","fields":[
              {"name":"id","type":"long"},{"name":"total","type":"double"},{"name":"customer","type":"string"}]}""";

    static List<String> kinds() {
        return TestStores.kinds().toList();
    }

    private static Registry open(String kind) {
        return new Registry(TestStores.open(kind), new SchemaParser(Map.of()));
    }

    private static RegisterRequest avro(String subject, String schema) {
        return new RegisterRequest(subject, null, SubjectFormat.AVRO, null, schema, "alice", "msg", null);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void registersNumbersAndComputesSemanticVersions(String kind) {
        try (Registry registry = open(kind)) {
            Registration first = registry.register().run(avro("orders-value", V1));
            Registration again = registry.register().run(avro("orders-value", V1.replace("\n", " ")));
            Registration adds = registry.register().run(avro("orders-value", V2_ADDS));
            assertThat(first.created()).isTrue();
            assertThat(first.version().version()).isEqualTo(1);
            assertThat(first.version().semver()).isEqualTo("1.0.0");
            assertThat(again.created()).isFalse();
            assertThat(again.version().id()).isEqualTo(first.version().id());
            assertThat(adds.version().version()).isEqualTo(2);
            assertThat(adds.version().semver()).isEqualTo("1.1.0");
            assertThat(adds.version().id()).isGreaterThan(first.version().id());
            assertThat(registry.schemas().byId(adds.version().id()).schema()).isEqualTo(V2_ADDS);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void documentationOnlyIsAPatchAndABreakAtLevelNoneIsAMajor(String kind) {
        try (Registry registry = open(kind)) {
            registry.register().run(avro("s", V1));
            assertThat(registry.register().run(avro("s", V2_DOC)).version().semver()).isEqualTo("1.0.1");
            registry.subjects().update("s", new SubjectSettings("NONE", null, null, null, null), "bob");
            assertThat(registry.register().run(avro("s", BREAKS)).version().semver()).isEqualTo("2.0.0");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refusesAnIncompatibleVersionAndStoresNothing(String kind) {
        try (Registry registry = open(kind)) {
            registry.register().run(avro("s", V1));
            long eventsBefore = registry.audit().page(0, 1000).size();
            assertThatThrownBy(() -> registry.register().run(avro("s", BREAKS)))
                    .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
                        assertThat(e.result().compatible()).isFalse();
                        assertThat(e.result().breaking()).extracting(f -> f.message()).anyMatch(m -> m.contains("customer"));
                    });
            assertThat(registry.schemas().versions("s", null, true)).hasSize(1);
            assertThat(registry.audit().page(0, 1000)).hasSize((int) eventsBefore);
            assertThatThrownBy(() -> registry.register().run(avro("t", "{\"type\":\"record\"")))
                    .isInstanceOfSatisfying(RegistryException.class,
                            e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.INVALID_SCHEMA));
            assertThat(registry.subjects().list(true)).extracting(v -> v.subject().name()).containsExactly("s");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void hardDeleteOnlyAfterSoftAndNotWhileDependedOn(String kind) {
        try (Registry registry = open(kind)) {
            registry.register().run(avro("orders", V1));
            registry.register().run(new RegisterRequest("orders-consumer", null, SubjectFormat.AVRO, null, V1, "a", null,
                    new SubjectSettings(null, "team-a", null, List.of("pii"), List.of(new SubjectSettings.Dependency("orders", "READS")))));
            assertThatThrownBy(() -> registry.subjects().delete("orders", true, "a"))
                    .isInstanceOfSatisfying(RegistryException.class,
                            e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_SOFT_DELETED));
            assertThat(registry.subjects().delete("orders", false, "a")).containsExactly(1);
            assertThatThrownBy(() -> registry.subjects().delete("orders", true, "a"))
                    .isInstanceOfSatisfying(RegistryException.class,
                            e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.REFERENCED));
            registry.subjects().update("orders-consumer", new SubjectSettings(null, null, null, null, List.of()), "a");
            assertThat(registry.subjects().delete("orders", true, "a")).containsExactly(1);
            assertThatThrownBy(() -> registry.subjects().get("orders"))
                    .isInstanceOfSatisfying(RegistryException.class,
                            e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.SUBJECT_NOT_FOUND));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyChangeIsAChainedAuditEvent(String kind) {
        try (Registry registry = open(kind)) {
            Registration v1 = registry.register().run(avro("s", V1));
            Registration v2 = registry.register().run(avro("s", V2_ADDS));
            List<AuditEvent> events = registry.audit().page(0, 100);
            assertThat(events).extracting(AuditEvent::action)
                    .containsExactly("subject.created", "version.registered", "version.registered");
            AuditEvent last = events.get(2);
            assertThat(last.before()).isEqualTo(v1.version().fingerprint());
            assertThat(last.after()).isEqualTo(v2.version().fingerprint());
            assertThat(last.previousHash()).isEqualTo(events.get(1).hash());
            assertThat(last.actor()).isEqualTo("alice");
            assertThat(registry.audit().verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void branchVersionsAreCheckedAgainstTheBranch(String kind) {
        try (Registry registry = open(kind)) {
            registry.register().run(avro("s", V1));
            registry.branches().fork("s", "feature", null, "a");
            SchemaVersion onBranch = registry.register().run(new RegisterRequest("s", "feature", null, null, V2_ADDS, "a", null, null)).version();
            assertThat(onBranch.branch()).isEqualTo("feature");
            assertThat(onBranch.version()).isEqualTo(1);
            assertThat(onBranch.semver()).isEqualTo("1.1.0");
            assertThat(registry.schemas().versions("s", null, false)).hasSize(1);
        }
    }
}
