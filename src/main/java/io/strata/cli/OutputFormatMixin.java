package io.strata.cli;

import picocli.CommandLine.Option;

/** OutputFormatMixin is the {@code --format text|json} option of every command that prints a result. */
final class OutputFormatMixin {

    @Option(names = "--format", defaultValue = "text", description = "text or json; default ${DEFAULT-VALUE}")
    OutputFormat format;

    boolean json() {
        return format == OutputFormat.json;
    }
}
