package io.strata.security;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealing secrets: round trips, a fresh IV per value, tampering detected, rotation, and a key the box lacks. */
class SecretBoxTest {

    private static final String SECRET = "whsec-7f1c-näive-🔑";

    @Test
    void aSealedSecretOpensToItselfAndNeverShowsItsText() {
        SecretBox box = new SecretBox(MasterKey.generate(), List.of());
        String sealed = box.seal(SECRET, "webhook/1");
        assertThat(sealed).matches("v1:" + box.currentKeyId() + ":[A-Za-z0-9+/]+=*");
        assertThat(sealed).doesNotContain("whsec").doesNotContain(Base64.getEncoder().encodeToString(SECRET.getBytes()));
        assertThat(box.open(sealed, "webhook/1")).isEqualTo(SECRET);
        assertThat(box.open(box.seal("", "webhook/1"), "webhook/1")).isEmpty();
        assertThat(SecretBox.isSealed(sealed)).isTrue();
        assertThat(SecretBox.isSealed(SECRET)).isFalse();
        assertThat(box.needsResealing(sealed)).isFalse();
        assertThat(box.needsResealing(SECRET)).as("plaintext from an older version").isTrue();
    }

    @Test
    void everySealingUsesAFreshIv() {
        SecretBox box = new SecretBox(MasterKey.generate(), List.of());
        String first = box.seal(SECRET, "webhook/1");
        String second = box.seal(SECRET, "webhook/1");
        assertThat(first).isNotEqualTo(second);
        byte[] a = Base64.getDecoder().decode(first.substring(12));
        byte[] b = Base64.getDecoder().decode(second.substring(12));
        assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
    }

    @Test
    void anAlteredValueIsRefusedWithoutItsPlaintext() {
        SecretBox box = new SecretBox(MasterKey.generate(), List.of());
        String sealed = box.seal(SECRET, "webhook/7");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(12));
        for (int i : new int[]{0, 12, bytes.length - 1}) {
            byte[] flipped = bytes.clone();
            flipped[i] ^= 1;
            String altered = sealed.substring(0, 12) + Base64.getEncoder().encodeToString(flipped);
            assertThatThrownBy(() -> box.open(altered, "webhook/7"))
                    .isInstanceOf(StrataException.class)
                    .hasMessageContaining("webhook/7").hasMessageContaining("integrity")
                    .hasMessageNotContaining(SECRET);
        }
        // Moved to another webhook's row, the value does not open there.
        assertThatThrownBy(() -> box.open(sealed, "webhook/8")).hasMessageContaining("webhook/8").hasMessageContaining("integrity");
        assertThatThrownBy(() -> box.open("v1:" + box.currentKeyId() + ":AAAA", "webhook/7")).hasMessageContaining("too short");
        assertThatThrownBy(() -> box.open("v2:zz", "webhook/7")).hasMessageContaining("not a sealed value");
    }

    @Test
    void afterRotationOlderValuesOpenAndAreMarkedForResealing() {
        MasterKey old = MasterKey.generate();
        MasterKey fresh = MasterKey.generate();
        String underOld = new SecretBox(old, List.of()).seal(SECRET, "webhook/2");
        SecretBox rotated = new SecretBox(fresh, List.of(old));
        assertThat(rotated.currentKeyId()).isEqualTo(fresh.id()).isNotEqualTo(old.id());
        assertThat(rotated.keyIds()).containsExactly(fresh.id(), old.id());
        assertThat(rotated.open(underOld, "webhook/2")).isEqualTo(SECRET);
        assertThat(rotated.needsResealing(underOld)).isTrue();
        String resealed = rotated.seal(rotated.open(underOld, "webhook/2"), "webhook/2");
        assertThat(resealed).startsWith("v1:" + fresh.id() + ":");
        assertThat(rotated.needsResealing(resealed)).isFalse();
        // Once the old key is dropped, the resealed value still opens.
        assertThat(new SecretBox(fresh, List.of()).open(resealed, "webhook/2")).isEqualTo(SECRET);
    }

    @Test
    void aValueUnderAKeyTheBoxLacksIsAClearErrorNamingTheKeyId() {
        MasterKey other = MasterKey.generate();
        String sealed = new SecretBox(other, List.of()).seal(SECRET, "webhook/3");
        SecretBox box = new SecretBox(MasterKey.generate(), List.of());
        assertThat(box.needsResealing(sealed)).as("cannot be resealed without its key").isFalse();
        assertThatThrownBy(() -> box.open(sealed, "webhook/3"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_CONFIGURED))
                .hasMessageContaining("webhook/3")
                .hasMessageContaining("master key " + other.id())
                .hasMessageContaining("STRATA_MASTER_KEY_PREVIOUS")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aKeyIdIsTheKeysOwnAndPrintsNothingElse() {
        String text = Base64.getEncoder().encodeToString(new byte[32]);
        MasterKey a = MasterKey.fromBase64(text, "test");
        MasterKey b = MasterKey.fromBase64(text, "test");
        assertThat(a.id()).isEqualTo(b.id()).matches("[0-9a-f]{8}");
        assertThat(MasterKey.generate().id()).isNotEqualTo(a.id());
        assertThat(a.toString()).isEqualTo("master key " + a.id()).doesNotContain(text);
    }
}
