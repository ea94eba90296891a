package io.strata.cli;

/** The two output formats most commands offer: text for people, JSON for scripts. */
enum OutputFormat { text, json }
