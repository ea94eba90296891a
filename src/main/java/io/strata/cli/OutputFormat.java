package io.strata.cli;

/** The output formats of diff and check. */
enum OutputFormat { text, json }
