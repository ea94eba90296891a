package io.strata.security;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** NameRules: which characters a name may not hold, and how a refusal describes one without repeating it. */
class NameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"shop.orders", "orders-value", "team payments", "bestellungen.ümlaut", "注文", "طلبات",
            "orders 😀", "a/b", "%41", "x"})
    void ordinaryNamesInAnyScriptAreValid(String name) {
        assertThat(NameRules.valid(name)).isTrue();
        assertThat(NameRules.problem("subject", name)).isEmpty();
        assertThat(NameRules.require("subject", name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\t", "\n", "\r", "\u001b", "\u007f", "\u0085", "\u009f"})
    void controlCharactersAreRefused(String c) {
        assertThat(NameRules.problem("field \"subject\"", "orders" + c + "v2"))
                .hasValueSatisfying(m -> assertThat(m).startsWith("field \"subject\" contains a control character (U+")
                        .contains(String.format("U+%04X at position 7", (int) c.charAt(0))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u200E", "\u200F", "\u061C"})
    void bidirectionalControlsAreRefusedWithoutRepeatingTheName(String c) {
        String name = "invoice" + c + "fdp.exe";
        assertThat(NameRules.problem("path parameter \"id\"", name)).hasValueSatisfying(m -> {
            assertThat(m).contains("path parameter \"id\"", "a bidirectional control character",
                    String.format("U+%04X", (int) c.charAt(0)));
            assertThat(m).doesNotContain(c).doesNotContain("invoice");
        });
    }

    @Test
    void lineSeparatorsAndHalvesOfSurrogatePairsAreRefused() {
        assertThat(NameRules.problem("name", "a\u2028b")).hasValueSatisfying(m -> assertThat(m).contains("a line separator", "U+2028"));
        assertThat(NameRules.problem("name", "a\u2029b")).hasValueSatisfying(m -> assertThat(m).contains("U+2029"));
        assertThat(NameRules.problem("name", "a\uD800")).hasValueSatisfying(m -> assertThat(m).contains("half of a surrogate pair", "U+D800"));
        assertThat(NameRules.problem("name", "\uDC00a")).hasValueSatisfying(m -> assertThat(m).contains("U+DC00 at position 1"));
        assertThat(NameRules.problem("name", "\uD800\uD800\uDC00")).hasValueSatisfying(m -> assertThat(m).contains("U+D800 at position 1"));
        // A whole pair (an emoji) is a character like any other.
        assertThat(NameRules.valid("\uD83D\uDE00")).isTrue();
    }

    @Test
    void requireRefusesAsBadInputAndNullIsTheCallersConcern() {
        assertThatThrownBy(() -> NameRules.require("--subject", "a\u202Eb"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessageContaining("--subject contains a bidirectional control character (U+202E at position 2)");
        assertThat(NameRules.valid(null)).isTrue();
        assertThat(NameRules.require("x", null)).isNull();
    }
}
