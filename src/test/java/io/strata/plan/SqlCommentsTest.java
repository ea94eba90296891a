package io.strata.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What SqlComments lets into a comment line: names as they are, with nothing that ends the line. */
class SqlCommentsTest {

    @Test
    void everyLineBreakIsWrittenAsItsCode() {
        String text = SqlComments.text("a\nb\rc\u2028d\u2029e\u0085f\u000Bg\u000Ch");

        assertThat(text).isEqualTo("a\\u000Ab\\u000Dc\\u2028d\\u2029e\\u0085f\\u000Bg\\u000Ch");
        assertThat(text.lines()).hasSize(1);
    }

    @Test
    void terminalControlsAreWrittenAsTheirCodes() {
        assertThat(SqlComments.text("orders\u001B[2J\u202Eredro\u0000")).isEqualTo("orders\\u001B[2J\\u202Eredro\\u0000");
    }

    @Test
    void ordinaryNamesKeepTheirText() {
        assertThat(SqlComments.text("add column public.\"Orders\".quantité -- note; DROP")).isEqualTo(
                "add column public.\"Orders\".quantité -- note; DROP");
        assertThat(SqlComments.line("drop table public.x\nDROP TABLE keepme;")).isEqualTo(
                "-- drop table public.x\\u000ADROP TABLE keepme;");
        assertThat(SqlComments.text(null)).isEmpty();
    }
}
