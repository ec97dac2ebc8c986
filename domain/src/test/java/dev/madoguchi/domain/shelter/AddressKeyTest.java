package dev.madoguchi.domain.shelter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressKeyTest {

    @Test
    void theUsualNotationsOfOneAddressGiveOneKey() {
        String key = AddressKey.of("架空市本町2丁目3番4号");
        assertThat(key).isEqualTo("架空市本町2-3-4");
        assertThat(AddressKey.of("架空市本町２－３－４")).isEqualTo(key);
        assertThat(AddressKey.of("架空市本町二丁目3の4")).isEqualTo(key);
        assertThat(AddressKey.of("架空市 本町 2-3-4")).isEqualTo(key);
        assertThat(AddressKey.of("架空市本町十二丁目5番地")).isEqualTo("架空市本町12-5");
        assertThat(AddressKey.of("架空市本町2丁目3番5号")).isNotEqualTo(key);
        assertThat(AddressKey.of(null)).isEmpty();
    }
}
