package org.stormdesk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Secrets a node keeps in its data directory when none is configured (the session key, the acknowledgement-link
 * key, the audit signing key): made once, readable by the server's own user only where the file system has POSIX
 * permissions (elsewhere the data directory's own access rules protect it), read back on every later start.
 */
public final class DataDirSecrets {

    private DataDirSecrets() {
    }

    /** The file's text; when there is no such file yet, {@code make} gives the text and it is written first. */
    public static String readOrCreate(Path file, Supplier<String> make, String what) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String text = make.get();
            try {
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                Files.writeString(file, text + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException madeMeanwhile) {
                // another start on the same directory was first: its secret stands
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the " + what + " in " + file, e);
        }
    }

    /** 32 random bytes as hex. */
    public static String randomHex() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
