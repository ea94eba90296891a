package io.strata.rollout;

import io.strata.error.StrataException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A SecretsDirectory is the one directory whose files {@code file:} credentials references may name
 * ({@code strata serve --secrets-dir DIR}); without one the server reads no file for a client. A reference is
 * resolved to its real path (symbolic links and {@code ..} followed) and must land on a regular file inside the
 * directory; every way it can fail answers the same message, so that a client learns nothing about the server's
 * other files, not even whether they exist.
 *
 * @param root the directory's real path, or null for none
 */
public record SecretsDirectory(Path root) {

    /** No directory: {@code file:} references are refused. */
    public static final SecretsDirectory NONE = new SecretsDirectory(null);

    /** A password file is a line; anything much longer is not one (and is not read into memory whole). */
    private static final int MAX_BYTES = 64 * 1024;

    /** The directory at {@code dir}; BAD_INPUT when it is not one. */
    public static SecretsDirectory at(Path dir) {
        try {
            Path real = dir.toRealPath();
            if (!Files.isDirectory(real)) {
                throw StrataException.badInput("--secrets-dir \"" + dir + "\" is not a directory");
            }
            return new SecretsDirectory(real);
        } catch (IOException | SecurityException e) {
            throw StrataException.badInput("--secrets-dir \"" + dir + "\" is not a directory this server can read");
        }
    }

    /**
     * The content of the file {@code reference} names (relative to the directory, or absolute inside it), without
     * surrounding blanks; a {@link CredentialsRef.CredentialsException} with one message for every failure.
     */
    String read(String reference) {
        if (root == null) {
            throw new CredentialsRef.CredentialsException("credentials reference \"file:" + reference + "\" needs a "
                    + "secrets directory on the server: start it with --secrets-dir DIR and name a file inside that directory");
        }
        try {
            Path real = root.resolve(reference).toRealPath();
            if (!real.startsWith(root) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw unusable(reference);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw unusable(reference);
            }
            return new String(bytes, StandardCharsets.UTF_8).strip();
        } catch (IOException | InvalidPathException | SecurityException e) {
            throw unusable(reference);
        }
    }

    private static CredentialsRef.CredentialsException unusable(String reference) {
        return new CredentialsRef.CredentialsException("credentials reference \"file:" + reference
                + "\" does not name a readable file inside the server's secrets directory");
    }
}
