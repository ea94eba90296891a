package io.strata.rollout;

import java.util.Optional;

/**
 * A CredentialsRef says where an environment's database password is, never what it is: an environment
 * variable ({@code env:PROD_DB_PASSWORD}) or a file of the server's secrets directory ({@code file:prod-db}, or
 * {@code file:/run/secrets/prod-db} inside it), read by the server that connects, when it connects. {@code none}
 * means the URL's user needs no password.
 */
public sealed interface CredentialsRef permits CredentialsRef.EnvVariable, CredentialsRef.SecretFile, CredentialsRef.None {

    /** The reference as written: {@code env:NAME}, {@code file:PATH} or {@code none}. */
    String text();

    /**
     * The password, or empty for {@code none}; a reference that does not resolve here is a {@link CredentialsException}.
     *
     * @param secrets the only directory a {@code file:} reference may name
     */
    Optional<String> resolve(SecretsDirectory secrets);

    /** An environment variable holding the password. */
    record EnvVariable(String name) implements CredentialsRef {
        public String text() {
            return "env:" + name;
        }

        public Optional<String> resolve(SecretsDirectory secrets) {
            String value = System.getenv(name);
            if (value == null) {
                throw new CredentialsException("environment variable " + name + " is not set on this server");
            }
            return Optional.of(value);
        }
    }

    /** A file of the server's secrets directory whose content (trailing newline removed) is the password. */
    record SecretFile(String path) implements CredentialsRef {
        public String text() {
            return "file:" + path;
        }

        public Optional<String> resolve(SecretsDirectory secrets) {
            return Optional.of(secrets.read(path));
        }
    }

    /** No password. */
    record None() implements CredentialsRef {
        public String text() {
            return "none";
        }

        public Optional<String> resolve(SecretsDirectory secrets) {
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
            return new SecretFile(text.substring(5));
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
