package io.strata.store;

import io.strata.rollout.drift.DriftChange;
import io.strata.rollout.drift.DriftReport;
import io.strata.rollout.drift.RepairPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DriftTablesTest: a drift report's typed differences and plan back are kept and read back whole, on both stores, and
 * a report kept by an earlier version (the same JSON, written before the report was typed) still reads.
 */
class DriftTablesTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z").truncatedTo(ChronoUnit.MILLIS);

    @ParameterizedTest
    @MethodSource("io.strata.store.TestStores#kinds")
    void aReportReadsBackAsItWasSaved(String kind) {
        DriftChange dropped = new DriftChange("COLUMN_DROPPED", "DropColumn", "public.orders.total", List.of("OLD_READER"),
                false, Map.of("OLD_READER", "BREAKS", "NEW_WRITER", "OK"), "column total was dropped", "old readers select it",
                "add it back");
        RepairPlan back = new RepairPlan(List.of("ALTER TABLE orders ADD COLUMN total numeric"),
                List.of(new RepairPlan.PhaseStatements("EXPAND", List.of("ALTER TABLE orders ADD COLUMN total numeric"), null)),
                false, null);
        DriftReport saved = new DriftReport("prod_3", "shop.orders", 3, List.of(dropped), null, back, AT);
        try (StoreDatabase store = TestStores.open(kind)) {
            store.transaction(tx -> {
                tx.drift().save(saved);
                return null;
            });
            DriftReport read = store.transaction(tx -> tx.drift().latest("prod_3")).orElseThrow();
            assertThat(read).isEqualTo(saved);
            assertThat(read.drifted()).isTrue();
            assertThat(read.repair().phases().get(0).kind()).isEqualTo("EXPAND");
        }
    }

    @ParameterizedTest
    @MethodSource("io.strata.store.TestStores#kinds")
    void aReportKeptBeforeReportsWereTypedStillReads(String kind) {
        try (StoreDatabase store = TestStores.open(kind)) {
            store.transaction(tx -> {
                try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_drift (environment, subject, "
                        + "version, changes, report, repair, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, "staging");
                    ps.setString(2, "shop.orders");
                    ps.setInt(3, 2);
                    ps.setInt(4, 0);
                    ps.setString(5, "{\"changes\":[],\"note\":\"shop.orders@2 is being rolled out phase by phase\"}");
                    ps.setString(6, "{\"statements\":[],\"phases\":[],\"destructive\":false,\"error\":\"cannot plan it\"}");
                    ps.setObject(7, StoreTransaction.time(AT));
                    ps.executeUpdate();
                }
                return null;
            });
            DriftReport read = store.transaction(tx -> tx.drift().latest("staging")).orElseThrow();
            assertThat(read.drifted()).isFalse();
            assertThat(read.note()).startsWith("shop.orders@2 is being rolled out");
            assertThat(read.repair().error()).isEqualTo("cannot plan it");
            assertThat(read.repair().statements()).isEmpty();
        }
    }
}
