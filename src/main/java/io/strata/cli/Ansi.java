package io.strata.cli;

/** Ansi colours output only for a person at a terminal: never in pipes, files or when NO_COLOR is set. */
record Ansi(boolean enabled) {

    static Ansi forTerminal() {
        boolean tty = System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
        return new Ansi(tty);
    }

    String red(String s) {
        return wrap("31", s);
    }

    String green(String s) {
        return wrap("32", s);
    }

    String yellow(String s) {
        return wrap("33", s);
    }

    String bold(String s) {
        return wrap("1", s);
    }

    private String wrap(String code, String s) {
        return enabled ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
