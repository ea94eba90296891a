package io.strata.migrate;

/** StatementCount writes how many statements a message is about: "1 statement", "3 statements". */
public final class StatementCount {

    private StatementCount() {
    }

    public static String of(long count) {
        return count + (count == 1 ? " statement" : " statements");
    }
}
