package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.strata.testing.TestKeys;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.io.StringWriter;

/**
 * CliRun runs the CLI in-process and keeps its exit code and both streams. A command given {@code --server} and no
 * {@code --token} authenticates with the test servers' admin key, as a CI job with {@code STRATA_TOKEN} would.
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... given) {
        return on(Terminal.system(), given);
    }

    /** Runs the CLI with apply's and rollback's questions put to {@code terminal}. */
    static CliRun on(Terminal terminal, String... given) {
        List<String> list = new ArrayList<>(Arrays.asList(given));
        if (list.contains("--server") && !list.contains("--token") && !list.contains("--")) {
            list.add("--token");
            list.add(TestKeys.ADMIN_TOKEN);
        }
        String[] args = list.toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StrataCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), terminal);
        return new CliRun(code, out.toString(), err.toString());
    }

    JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (Exception e) {
            throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
        }
    }
}
