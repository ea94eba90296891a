package io.strata.cli;

import picocli.CommandLine;

/** StrataVersion reports the version the jar was built as. */
final class StrataVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = StrataCli.class.getPackage().getImplementationVersion();
        return new String[] {"strata " + (v == null ? "development build" : v)};
    }
}
