package io.strata.dialect.mysql;

import io.strata.dialect.InputCheck;
import io.strata.model.ColumnType;

import java.util.List;
import java.util.Optional;

/**
 * MySqlInputCheck tells whether a text reads as a DATE or DATETIME as MySQL's and MariaDB's ALTER reads it in strict
 * mode. The server's CAST answers NULL for what it cannot read (a 30th of February, an hour 25), but reads a date from
 * the start of a text and ignores what follows with a warning, where the ALTER refuses it; so the text must also be
 * only digits, punctuation, blanks and the ISO 'T'. Other target types are not judged here.
 */
final class MySqlInputCheck implements InputCheck {

    /** The characters a date or datetime literal is made of, as the servers read it (2024-01-05, 2024/1/5 10:00, 20240105). */
    private static final String SHAPE = "'^[[:space:]]*[0-9][0-9[:punct:][:space:]T]*$'";

    @Override
    public Optional<String> refused(String text, ColumnType to) {
        if (!(to instanceof ColumnType.TemporalType t) || t.kind() != ColumnType.TemporalKind.DATE
                && !(t.kind() == ColumnType.TemporalKind.TIMESTAMP && !t.withTimeZone())) {
            return Optional.empty();
        }
        String type = t.kind() == ColumnType.TemporalKind.DATE ? "DATE" : "DATETIME";
        return Optional.of("(CAST(" + text + " AS " + type + ") IS NULL OR NOT (" + text + " REGEXP " + SHAPE + "))");
    }

    @Override
    public Optional<String> strictCast(String text, ColumnType to) {
        return Optional.empty();
    }

    @Override
    public List<String> setup() {
        return List.of();
    }

    @Override
    public List<String> teardown() {
        return List.of();
    }
}
