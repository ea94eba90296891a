package io.strata.cli;

import io.strata.app.ModelFiles;

/** Json writes command results with the same settings as model files. */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        return ModelFiles.toJson(value);
    }
}
