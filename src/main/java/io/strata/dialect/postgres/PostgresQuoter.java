package io.strata.dialect.postgres;

import io.strata.dialect.Quoter;

/** PostgresQuoter is PostgreSQL's identifier quoting: double quotes, with embedded double quotes doubled. */
public final class PostgresQuoter implements Quoter {

    @Override
    public String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
