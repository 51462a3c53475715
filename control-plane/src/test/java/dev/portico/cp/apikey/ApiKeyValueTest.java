package dev.portico.cp.apikey;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyValueTest {

    @Test
    void valuesArePrefixedBase62WithAtLeast160RandomBits() {
        String value = ApiKeyValue.generate();
        assertThat(value).matches("pk_[A-Za-z0-9]{32}");
        double bits = ApiKeyValue.RANDOM_CHARACTERS * (Math.log(62) / Math.log(2));
        assertThat(bits).isGreaterThanOrEqualTo(160);
    }

    @Test
    void valuesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(ApiKeyValue.generate())).isTrue();
        }
    }

    @Test
    void hashIsTheSha256OfTheValueInLowercaseHex() {
        // echo -n abc | sha256sum
        assertThat(ApiKeyValue.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void displayPrefixIsTheFirstEightCharacters() {
        assertThat(ApiKeyValue.displayPrefix("pk_AbCdEfGhIj")).isEqualTo("pk_AbCdE");
        assertThat(ApiKeyValue.displayPrefix("short")).isEqualTo("short");
    }
}
