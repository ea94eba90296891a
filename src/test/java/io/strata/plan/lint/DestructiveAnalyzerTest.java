package io.strata.plan.lint;

import io.strata.model.Catalog;
import io.strata.model.Schema;
import io.strata.model.Sequence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.strata.plan.lint.LintFixtures.PG;
import static io.strata.plan.lint.LintFixtures.catalog;
import static io.strata.plan.lint.LintFixtures.codes;
import static io.strata.plan.lint.LintFixtures.column;
import static io.strata.plan.lint.LintFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

/** Each destructive code raised by a change that loses data, and not by its nearest harmless neighbour. */
class DestructiveAnalyzerTest {

    private final DestructiveAnalyzer analyzer = new DestructiveAnalyzer();

    @Test
    void droppingATableIsDS101ButDroppingAnIndexIsNot() {
        assertThat(codes(analyzer, catalog(PG, orders(PG)), catalog(PG))).containsExactly("DS101");
        assertThat(codes(analyzer, catalog(PG, orders(PG)), catalog(PG, orders(PG)))).isEmpty();
    }

    @Test
    void droppingAColumnIsDS102ButMakingItNullableIsNot() {
        assertThat(codes(analyzer, catalog(PG, orders(PG, column(PG, "note", "text", false))), catalog(PG, orders(PG))))
                .containsExactly("DS102");
        assertThat(codes(analyzer, catalog(PG, orders(PG, column(PG, "note", "text", false))),
                catalog(PG, orders(PG, column(PG, "note", "text", true))))).isEmpty();
    }

    @Test
    void droppingASchemaIsDS103ButAddingOneIsNot() {
        Catalog one = catalog(PG, orders(PG));
        Catalog two = new Catalog(PG, "", List.of(one.schemas().get(0), Schema.of("archive", List.of())), List.of());
        assertThat(codes(analyzer, two, one)).containsExactly("DS103");
        assertThat(codes(analyzer, one, two)).isEmpty();
    }

    @Test
    void roundingADecimalIsDS104ButWideningItIsNot() {
        Catalog precise = catalog(PG, orders(PG, column(PG, "total", "numeric(12,4)", true)));
        Catalog rounded = catalog(PG, orders(PG, column(PG, "total", "numeric(14,2)", true)));
        Catalog wider = catalog(PG, orders(PG, column(PG, "total", "numeric(14,4)", true)));
        assertThat(codes(analyzer, precise, rounded)).containsExactly("DS104");
        assertThat(codes(analyzer, precise, wider)).isEmpty();
    }

    @Test
    void shiftingOrRoundingValuesIsDS104ButAnExactTypeChangeIsNot() {
        assertThat(retyped("timestamp", "timestamptz")).containsExactly("DS104");
        assertThat(retyped("timestamptz", "timestamp")).containsExactly("DS104");
        assertThat(retyped("bigint", "double precision")).containsExactly("DS104");
        assertThat(retyped("timestamp", "timestamp(6)")).isEmpty();
        assertThat(retyped("integer", "double precision")).isEmpty();
    }

    @Test
    void droppingASequenceIsDS105ButKeepingItIsNot() {
        Sequence seq = new Sequence("order_no", "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, null);
        Catalog with = new Catalog(PG, "", List.of(new Schema("public", List.of(orders(PG)), List.of(), List.of(),
                List.of(seq), null, null, null, List.of())), List.of());
        Catalog without = catalog(PG, orders(PG));
        assertThat(codes(analyzer, with, without)).containsExactly("DS105");
        assertThat(codes(analyzer, without, with)).isEmpty();
    }

    /** The codes for changing column {@code c} of a table with rows from type {@code from} to {@code to}. */
    private List<String> retyped(String from, String to) {
        return codes(analyzer, catalog(PG, orders(PG, column(PG, "c", from, true))), catalog(PG, orders(PG, column(PG, "c", to, true))));
    }
}
