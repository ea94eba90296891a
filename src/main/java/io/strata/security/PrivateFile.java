package io.strata.security;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * PrivateFile writes and checks files only their owner may read: a key file is created with POSIX mode 0600 from
 * its first byte (never written first and narrowed after), on file systems that have POSIX modes.
 */
public final class PrivateFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFile() {
    }

    /**
     * Creates {@code file} (and its directory) with {@code text}, readable by its owner only; false when the file
     * already exists, which is then left as it is.
     */
    public static boolean createNew(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
            Files.createFile(file, attributes);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new StrataException(ErrorCode.BAD_INPUT, "cannot create \"" + file + "\": " + e.getMessage());
        }
    }

    /** Whether others than the owner may read or write {@code file}; false where the file system has no POSIX modes. */
    public static boolean openToOthers(Path file) {
        try {
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
                return false;
            }
            Set<PosixFilePermission> modes = Files.getPosixFilePermissions(file);
            return modes.stream().anyMatch(p -> p != PosixFilePermission.OWNER_READ && p != PosixFilePermission.OWNER_WRITE
                    && p != PosixFilePermission.OWNER_EXECUTE);
        } catch (IOException e) {
            return false;
        }
    }
}
