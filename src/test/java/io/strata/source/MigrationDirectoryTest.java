package io.strata.source;

import io.strata.error.StrataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationDirectoryTest {

    @TempDir
    Path dir;

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Files.writeString(dir.resolve(name), "SELECT 1;\n");
        }
    }

    @Test
    void versionsRunInFlywaysOrderThenRepeatablesByDescription() throws IOException {
        touch("V10__ten.sql", "V2__two.sql", "V1_1__one_one.sql", "V1__one.sql", "V1.2__one_two.sql", "V1.10__one_ten.sql",
                "R__views.sql", "R__grants.sql", "U2__undo_two.sql", "notes.sql", "README.md");
        assertThat(MigrationDirectory.list(dir)).extracting(MigrationDirectory.Entry::fileName).containsExactly(
                "V1__one.sql", "V1_1__one_one.sql", "V1.2__one_two.sql", "V1.10__one_ten.sql", "V2__two.sql", "V10__ten.sql",
                "R__grants.sql", "R__views.sql");
        assertThat(MigrationDirectory.list(dir).get(1).name()).isEqualTo(new MigrationFileName.Versioned("1.1", "one one"));
        assertThat(MigrationDirectory.isMigrationDirectory(dir)).isTrue();
    }

    @Test
    void twoSpellingsOfOneVersionAreRefusedNamingBothFiles() throws IOException {
        touch("V1__one.sql", "V1_1__a.sql", "V1.1__b.sql");
        assertThatThrownBy(() -> MigrationDirectory.list(dir)).isInstanceOf(StrataException.class)
                .hasMessageContaining("\"V1.1__b.sql\" and \"V1_1__a.sql\"").hasMessageContaining("same version 1.1");
    }

    @Test
    void twoRepeatablesOfOneDescriptionAreRefused() throws IOException {
        touch("R__daily_totals.sql", "R__daily totals.sql");
        assertThatThrownBy(() -> MigrationDirectory.list(dir)).hasMessageContaining("same description \"daily totals\"");
    }

    @Test
    void aDirectoryOfSchemaFilesIsNotAMigrationDirectory() throws IOException {
        touch("1_tables.sql", "2_views.sql", "U1__undo.sql");
        assertThat(MigrationDirectory.isMigrationDirectory(dir)).isFalse();
        assertThat(SourceLoader.sqlScripts(dir)).extracting(s -> Path.of(s.name()).getFileName().toString())
                .containsExactly("1_tables.sql", "2_views.sql", "U1__undo.sql");
    }

    @Test
    void versionsCompareAsFlywaysDo() {
        assertThat(MigrationFileName.compareVersions("1", "1.1")).isNegative();
        assertThat(MigrationFileName.compareVersions("1.1", "1.01")).isZero();
        assertThat(MigrationFileName.compareVersions("1", "1.0")).isZero();
        assertThat(MigrationFileName.compareVersions("1.10", "1.9")).isPositive();
        assertThat(MigrationFileName.compareVersions("2", "1.10")).isPositive();
    }
}
