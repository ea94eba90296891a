package io.strata.store.h2;

import io.strata.dialect.Quoter;

/** H2Quoter quotes identifiers as standard SQL does: {@code "name"}, embedded quotes doubled. */
final class H2Quoter implements Quoter {
    @Override
    public String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
