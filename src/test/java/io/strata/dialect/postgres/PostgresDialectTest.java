package io.strata.dialect.postgres;

import io.strata.dialect.Dialects;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dialect's registration, URL matching and quoting. */
class PostgresDialectTest {

    private final PostgresQuoter quoter = new PostgresQuoter();

    @Test
    void registeredUnderItsNameAndUrls() {
        assertThat(Dialects.byName("postgres")).isInstanceOf(PostgresDialect.class);
        assertThat(Dialects.forUrl("jdbc:postgresql://localhost:5432/app")).isInstanceOf(PostgresDialect.class);
        assertThat(new PostgresDialect().accepts("jdbc:mysql://localhost/app")).isFalse();
    }

    @Test
    void quotesIdentifiersAndLiterals() {
        assertThat(quoter.ident("orders")).isEqualTo("\"orders\"");
        assertThat(quoter.ident("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(quoter.qualified("public", "Orders")).isEqualTo("\"public\".\"Orders\"");
        assertThat(quoter.literal("it's")).isEqualTo("'it''s'");
    }

    @Test
    void urlsPointAtAnotherDatabase() {
        assertThat(PostgresDevDatabase.withDatabase("jdbc:postgresql://h:5432/postgres?user=u&password=p", "x"))
                .isEqualTo("jdbc:postgresql://h:5432/x?user=u&password=p");
        assertThat(PostgresDevDatabase.withDatabase("jdbc:postgresql://h/", "x")).isEqualTo("jdbc:postgresql://h/x");
        assertThat(PostgresDevDatabase.withDatabase("jdbc:postgresql://h", "x")).isEqualTo("jdbc:postgresql://h/x");
        assertThat(PostgresDevDatabase.withDatabase("jdbc:postgresql:db?user=u", "x")).isEqualTo("jdbc:postgresql:x?user=u");
    }
}
