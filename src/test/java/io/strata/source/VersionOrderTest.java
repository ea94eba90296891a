package io.strata.source;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VersionOrderTest {
    @Test
    void numbersInNamesSortNumerically() {
        List<String> names = new ArrayList<>(List.of("10_c.sql", "2_b.sql", "1_a.sql"));
        names.sort(VersionOrder.INSTANCE);
        assertThat(names).containsExactly("1_a.sql", "2_b.sql", "10_c.sql");
    }
}
