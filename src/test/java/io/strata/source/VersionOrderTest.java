package io.strata.source;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VersionOrderTest {
    @Test
    void numbersInNamesSortNumerically() {
        List<String> names = new ArrayList<>(List.of("V10__c.sql", "V2__b.sql", "V1__a.sql"));
        names.sort(VersionOrder.INSTANCE);
        assertThat(names).containsExactly("V1__a.sql", "V2__b.sql", "V10__c.sql");
    }
}
