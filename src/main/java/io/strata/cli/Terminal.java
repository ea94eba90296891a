package io.strata.cli;

/**
 * A Terminal is the person in front of the command, if there is one: {@code strata apply} and {@code strata rollback}
 * ask it before they change a database. Without one (CI, a pipe, a cron job) nothing is asked, so scripts keep
 * running as they did.
 */
interface Terminal {

    /** Whether a person can answer: both the input and the output are a terminal. */
    boolean interactive();

    /** Shows {@code question} and returns the line typed, or null when the input ended. */
    String ask(String question);

    /** The process's own terminal: {@link System#console()}, which is there only when stdin and stdout are ttys. */
    static Terminal system() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return System.console() != null;
            }

            @Override
            public String ask(String question) {
                return System.console().readLine("%s", question);
            }
        };
    }
}
