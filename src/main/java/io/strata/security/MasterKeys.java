package io.strata.security;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MasterKeys finds the keys a server seals and opens stored secrets with, and builds its {@link SecretBox}.
 * <ul>
 *   <li>{@code STRATA_MASTER_KEY} (base64 of 32 bytes), when set, is the current key;</li>
 *   <li>{@code STRATA_MASTER_KEY_PREVIOUS} holds older keys, separated by commas or spaces: they only open;</li>
 *   <li>the key file ({@code master.key} in the store directory) holds one base64 key per line: the first is the
 *       current key when {@code STRATA_MASTER_KEY} is not set, every other one (all of them when it is) an older
 *       key. Blank lines and lines starting with {@code #} are skipped.</li>
 * </ul>
 * With neither the variable nor the file, the file is created with a new random key, mode 0600.
 */
public final class MasterKeys {

    public static final String ENV = "STRATA_MASTER_KEY";
    public static final String ENV_PREVIOUS = "STRATA_MASTER_KEY_PREVIOUS";
    /** The key file's name in the store directory. */
    public static final String FILE_NAME = "master.key";

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeys.class);

    private MasterKeys() {
    }

    /**
     * The keys found.
     *
     * @param created the key file, when this start created it (the caller says where, once)
     */
    public record Loaded(SecretBox box, Optional<Path> created) {
    }

    /** The keys named by {@code env} and {@code keyFile}; creates the file when neither holds a key. */
    public static Loaded load(Map<String, String> env, Path keyFile) {
        MasterKey current = null;
        List<MasterKey> older = new ArrayList<>();
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            current = MasterKey.fromBase64(fromEnv, ENV);
        }
        String previous = env.get(ENV_PREVIOUS);
        if (previous != null && !previous.isBlank()) {
            String[] texts = previous.strip().split("[,\\s]+");
            for (int i = 0; i < texts.length; i++) {
                older.add(MasterKey.fromBase64(texts[i], ENV_PREVIOUS + " (key " + (i + 1) + ")"));
            }
        }
        Optional<Path> created = Optional.empty();
        if (current == null && !Files.exists(keyFile)) {
            MasterKey fresh = MasterKey.generate();
            if (PrivateFile.createNew(keyFile, fresh.base64() + "\n")) {
                created = Optional.of(keyFile);
            }
        }
        if (Files.exists(keyFile)) {
            List<MasterKey> inFile = read(keyFile);
            if (current == null) {
                if (inFile.isEmpty()) {
                    throw new StrataException(ErrorCode.BAD_INPUT, "the master key file \"" + keyFile + "\" holds no key:"
                            + " put a base64 key of 32 bytes on its first line, or set " + ENV);
                }
                current = inFile.get(0);
                older.addAll(inFile.subList(1, inFile.size()));
            } else {
                older.addAll(inFile);
            }
            if (PrivateFile.openToOthers(keyFile)) {
                LOG.warn("the master key file {} may be read by others than its owner: chmod 600 it", keyFile);
            }
        }
        return new Loaded(new SecretBox(current, older), created);
    }

    private static List<MasterKey> read(Path keyFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(keyFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StrataException(ErrorCode.BAD_INPUT, "cannot read the master key file \"" + keyFile + "\": "
                    + e.getMessage());
        }
        List<MasterKey> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                keys.add(MasterKey.fromBase64(line, "line " + (i + 1) + " of \"" + keyFile + "\""));
            }
        }
        return keys;
    }
}
