package io.strata.security;

import io.strata.error.StrataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where master keys come from: the environment, the key file (created 0600 when missing), older keys for rotation. */
class MasterKeysTest {

    @TempDir
    Path dir;

    @Test
    void withoutAnyKeyTheFileIsCreatedOwnerOnlyAndReadBackNextTime() throws Exception {
        Path file = dir.resolve("store").resolve(MasterKeys.FILE_NAME);
        MasterKeys.Loaded first = MasterKeys.load(Map.of(), file);
        assertThat(first.created()).contains(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        String sealed = first.box().seal("s", "webhook/1");

        MasterKeys.Loaded second = MasterKeys.load(Map.of(), file);
        assertThat(second.created()).isEmpty();
        assertThat(second.box().currentKeyId()).isEqualTo(first.box().currentKeyId());
        assertThat(second.box().open(sealed, "webhook/1")).isEqualTo("s");
    }

    @Test
    void theEnvironmentsKeyIsCurrentAndNoFileIsMade() {
        MasterKey key = MasterKey.generate();
        Path file = dir.resolve(MasterKeys.FILE_NAME);
        MasterKeys.Loaded loaded = MasterKeys.load(Map.of(MasterKeys.ENV, key.base64()), file);
        assertThat(loaded.box().currentKeyId()).isEqualTo(key.id());
        assertThat(loaded.created()).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void aKeyThatIsNotThirtyTwoBytesOfBase64IsRefusedWithoutRepeatingIt() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen-bytes-ok".getBytes());
        Path file = dir.resolve(MasterKeys.FILE_NAME);
        assertThatThrownBy(() -> MasterKeys.load(Map.of(MasterKeys.ENV, shortKey), file))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining("STRATA_MASTER_KEY").hasMessageContaining("decodes to 16 bytes, not 32")
                .hasMessageContaining("openssl rand -base64 32").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> MasterKeys.load(Map.of(MasterKeys.ENV, "not base64 at all!"), file))
                .hasMessageContaining("is not base64").hasMessageNotContaining("at all");
        assertThatThrownBy(() -> MasterKeys.load(Map.of(MasterKeys.ENV, MasterKey.generate().base64(),
                MasterKeys.ENV_PREVIOUS, "x"), file)).hasMessageContaining("STRATA_MASTER_KEY_PREVIOUS (key 1)");
        assertThat(file).doesNotExist();
    }

    @Test
    void olderKeysFromTheEnvironmentOrFurtherFileLinesOpenWhatTheySealed() throws Exception {
        MasterKey old1 = MasterKey.generate();
        MasterKey old2 = MasterKey.generate();
        MasterKey current = MasterKey.generate();
        String byOld1 = new SecretBox(old1, List.of()).seal("one", "webhook/1");
        String byOld2 = new SecretBox(old2, List.of()).seal("two", "webhook/2");

        Path file = dir.resolve(MasterKeys.FILE_NAME);
        Files.writeString(file, "# rotated on Monday\n" + current.base64() + "\n\n" + old1.base64() + "\n" + old2.base64() + "\n");
        SecretBox fromFile = MasterKeys.load(Map.of(), file).box();
        assertThat(fromFile.currentKeyId()).isEqualTo(current.id());
        assertThat(fromFile.open(byOld1, "webhook/1")).isEqualTo("one");
        assertThat(fromFile.open(byOld2, "webhook/2")).isEqualTo("two");

        SecretBox fromEnv = MasterKeys.load(Map.of(MasterKeys.ENV, current.base64(),
                MasterKeys.ENV_PREVIOUS, old1.base64() + ", " + old2.base64()), dir.resolve("none.key")).box();
        assertThat(fromEnv.keyIds()).containsExactly(current.id(), old1.id(), old2.id());
        assertThat(fromEnv.open(byOld2, "webhook/2")).isEqualTo("two");

        // Moving from the file to the variable: the file's keys still open, the variable's seals.
        MasterKey next = MasterKey.generate();
        SecretBox moved = MasterKeys.load(Map.of(MasterKeys.ENV, next.base64()), file).box();
        assertThat(moved.currentKeyId()).isEqualTo(next.id());
        assertThat(moved.open(byOld1, "webhook/1")).isEqualTo("one");
    }

    @Test
    void aKeyFileWithoutAKeyOrWithABadLineIsNamed() throws Exception {
        Path file = dir.resolve(MasterKeys.FILE_NAME);
        Files.writeString(file, "# nothing here\n");
        assertThatThrownBy(() -> MasterKeys.load(Map.of(), file)).hasMessageContaining(file.toString())
                .hasMessageContaining("holds no key");
        Files.writeString(file, MasterKey.generate().base64() + "\nAAAA\n");
        assertThatThrownBy(() -> MasterKeys.load(Map.of(), file)).hasMessageContaining("line 2 of")
                .hasMessageContaining("decodes to 3 bytes");
    }
}
