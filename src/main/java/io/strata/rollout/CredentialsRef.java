package io.strata.rollout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A CredentialsRef says where an environment's database password is, never what it is: an environment
 * variable ({@code env:PROD_DB_PASSWORD}) or a file ({@code file:/run/secrets/prod-db}), read by the server
 * that connects, when it connects. {@code none} means the URL's user needs no password.
 */
public sealed interface CredentialsRef permits CredentialsRef.EnvVariable, CredentialsRef.SecretFile, CredentialsRef.None {

    /** The reference as written: {@code env:NAME}, {@code file:PATH} or {@code none}. */
    String text();

    /** The password, or empty for {@code none}; a reference that does not resolve here is a {@link CredentialsException}. */
    Optional<String> resolve();

    /** An environment variable holding the password. */
    record EnvVariable(String name) implements CredentialsRef {
        public String text() {
            return "env:" + name;
        }

        public Optional<String> resolve() {
            String value = System.getenv(name);
            if (value == null) {
                throw new CredentialsException("environment variable " + name + " is not set on this server");
            }
            return Optional.of(value);
        }
    }

    /** A file whose content (trailing newline removed) is the password. */
    record SecretFile(Path path) implements CredentialsRef {
        public String text() {
            return "file:" + path;
        }

        public Optional<String> resolve() {
            try {
                return Optional.of(Files.readString(path).strip());
            } catch (IOException e) {
                throw new CredentialsException("credentials file " + path + " cannot be read on this server ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
    }

    /** No password. */
    record None() implements CredentialsRef {
        public String text() {
            return "none";
        }

        public Optional<String> resolve() {
            return Optional.empty();
        }
    }

    /** Reads {@code env:NAME}, {@code file:PATH} or {@code none} (also null or empty). */
    static CredentialsRef parse(String text) {
        if (text == null || text.isBlank() || text.equals("none")) {
            return new None();
        }
        if (text.startsWith("env:") && text.substring(4).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return new EnvVariable(text.substring(4));
        }
        if (text.startsWith("file:") && text.length() > 5) {
            return new SecretFile(Path.of(text.substring(5)));
        }
        throw new CredentialsException("credentials reference \"" + text
                + "\" is not env:VARIABLE, file:PATH or none (the secret itself is never given to Strata)");
    }

    /** A reference that is malformed or does not resolve. */
    final class CredentialsException extends RuntimeException {
        public CredentialsException(String message) {
            super(message);
        }
    }
}
