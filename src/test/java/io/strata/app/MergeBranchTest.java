package io.strata.app;

import io.strata.registry.RegisterRequest;
import io.strata.registry.Registration;
import io.strata.registry.RegistryException;
import io.strata.registry.SchemaParser;
import io.strata.registry.SubjectSettings;
import io.strata.merge.MergeConflict;
import io.strata.audit.AuditEvent;
import io.strata.model.SubjectFormat;
import io.strata.store.TestStores;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Merging a branch back: fast-forward, a true three-way merge, conflicts refused object by object, main's level applied. */
class MergeBranchTest {

    private static String order(String... extraFields) {
        StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"long\"}");
        for (String f : extraFields) {
            fields.append(',').append(f);
        }
        return "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[" + fields + "]}";
    }

    private static final String CURRENCY = "{\"name\":\"currency\",\"type\":\"string\",\"default\":\"EUR\"}";
    private static final String NOTE = "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}";
    private static final String NOTE_INT = "{\"name\":\"note\",\"type\":[\"null\",\"int\"],\"default\":null}";

    private static Registry open() {
        return new Registry(TestStores.open("h2"), new SchemaParser(Map.of()));
    }

    private static RegisterRequest on(String branch, String schema) {
        return new RegisterRequest("orders", branch, SubjectFormat.AVRO, null, schema, "dev", null, null);
    }

    @Test
    void combinesChangesMadeOnMainAndOnTheBranch() {
        try (Registry registry = open()) {
            registry.register().run(on(null, order()));
            registry.branches().fork("orders", "feature", null, "dev");
            registry.register().run(on("feature", order(NOTE)));
            registry.register().run(on(null, order(CURRENCY)));
            Registration merged = registry.merge().run("orders", "feature", null, "lead");
            assertThat(merged.created()).isTrue();
            assertThat(merged.version().version()).isEqualTo(3);
            assertThat(merged.version().schema()).contains("\"currency\"").contains("\"note\"");
            assertThat(registry.branches().list("orders")).singleElement().extracting(b -> b.state()).isEqualTo("MERGED");
            List<AuditEvent> events = registry.audit().page(0, 100);
            assertThat(events.get(events.size() - 1).action()).isEqualTo("branch.merged");
            assertThat(registry.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void fastForwardsWhenMainDidNotMove() {
        try (Registry registry = open()) {
            registry.register().run(on(null, order()));
            registry.branches().fork("orders", "feature", "1", "dev");
            registry.register().run(on("feature", order(NOTE)));
            Registration merged = registry.merge().run("orders", "feature", "ship notes", "lead");
            assertThat(merged.version().schema()).isEqualTo(order(NOTE));
            assertThat(merged.version().message()).isEqualTo("ship notes");
        }
    }

    @Test
    void refusesConflictsObjectByObjectAndStoresNothing() {
        try (Registry registry = open()) {
            registry.register().run(on(null, order()));
            registry.branches().fork("orders", "feature", null, "dev");
            registry.register().run(on("feature", order(NOTE)));
            registry.register().run(on(null, order(NOTE_INT)));
            int eventsBefore = registry.audit().page(0, 100).size();
            assertThatThrownBy(() -> registry.merge().run("orders", "feature", null, "lead"))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.reason()).isEqualTo(RegistryException.Reason.MERGE_CONFLICT);
                        @SuppressWarnings("unchecked")
                        List<MergeConflict> conflicts = (List<MergeConflict>) e.details();
                        assertThat(conflicts).singleElement().satisfies(c -> {
                            assertThat(c.object()).contains("note");
                            assertThat(c.ours()).contains("int");
                            assertThat(c.theirs()).contains("string");
                        });
                    });
            assertThat(registry.schemas().versions("orders", null, false)).hasSize(2);
            assertThat(registry.branches().list("orders").get(0).state()).isEqualTo("OPEN");
            assertThat(registry.audit().page(0, 100)).hasSize(eventsBefore);
        }
    }

    @Test
    void checksTheMergedSchemaAtMainsLevel() {
        try (Registry registry = open()) {
            registry.register().run(on(null, order(CURRENCY)));
            registry.branches().fork("orders", "feature", null, "dev");
            registry.subjects().update("orders", new SubjectSettings("FORWARD", null, null, null, null), "lead");
            // Both sides add a defaulted field: compatible both ways, so the merge passes main's FORWARD check.
            registry.register().run(on("feature", order(CURRENCY, NOTE)));
            registry.register().run(on(null, order(CURRENCY, "{\"name\":\"extra\",\"type\":\"string\",\"default\":\"\"}")));
            Registration merged = registry.merge().run("orders", "feature", null, "lead");
            assertThat(merged.check()).isNotNull();
            assertThat(merged.check().level().name()).isEqualTo("FORWARD");
        }
    }
}
