package dev.madoguchi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    /**
     * SHA-256 of {@link Fixtures#canonicalText} for the default municipality. If this changes, the demo data changed:
     * make sure that was intended (and tell the people whose demos and tests use it), then update the value.
     */
    private static final String DEFAULT_FINGERPRINT =
            "3c3be8b152a0168175208b061790a38842938c0195621ce3c351c9d8cc541b0b";

    @Test
    void sameSeedAndSizeGiveAnEqualMunicipality() {
        DemoMunicipality again = DemoMunicipality.generate(DemoMunicipality.DEFAULT_SEED,
                DemoMunicipality.DEFAULT_RESIDENTS);

        assertThat(again).isEqualTo(Fixtures.DEFAULT);
        assertThat(Fixtures.canonicalText(again)).isEqualTo(Fixtures.canonicalText(Fixtures.DEFAULT));
    }

    @Test
    void defaultMunicipalityMatchesTheGoldenFingerprint() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(Fixtures.canonicalText(Fixtures.DEFAULT).getBytes(StandardCharsets.UTF_8));

        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(DEFAULT_FINGERPRINT);
    }

    @Test
    void differentSeedsGiveDifferentPeople() {
        DemoMunicipality other = DemoMunicipality.generate(DemoMunicipality.DEFAULT_SEED + 1, 5_000);

        long sameName = IntStream.range(0, 2_000)
                .filter(i -> other.residents().get(i).fullName().equals(Fixtures.RESIDENTS.get(i).fullName()))
                .count();
        long sameNumber = IntStream.range(0, 2_000)
                .filter(i -> other.residents().get(i).myNumber().equals(Fixtures.RESIDENTS.get(i).myNumber()))
                .count();
        assertThat(other.residents()).isNotEqualTo(Fixtures.RESIDENTS);
        assertThat(sameName).isLessThan(200);
        assertThat(sameNumber).isZero();
    }

    @Test
    void smallerMunicipalityOfTheSameSeedIsAPrefixOfALargerOne() {
        DemoMunicipality small = DemoMunicipality.generate(DemoMunicipality.DEFAULT_SEED, 300);

        assertThat(small.households())
                .isEqualTo(Fixtures.DEFAULT.households().subList(0, small.households().size()));
        assertThat(small.residents()).isEqualTo(Fixtures.RESIDENTS.subList(0, small.residents().size()));
    }

    @Test
    void recordsTheSeedAndTheFictionalMunicipality() {
        assertThat(Fixtures.DEFAULT.seed()).isEqualTo(20261123L);
        assertThat(Fixtures.DEFAULT.localGovernmentCode()).isEqualTo("999997");
        assertThat(Fixtures.DEFAULT.prefecture()).isEqualTo("架空県");
        assertThat(Fixtures.DEFAULT.city()).isEqualTo("窓口市");
    }

    @Test
    void localGovernmentCodeCarriesAValidCheckDigit() {
        String code = Fixtures.DEFAULT.localGovernmentCode();
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (code.charAt(i) - '0') * (6 - i);
        }
        assertThat(code).matches("\\d{6}");
        assertThat(code.charAt(5) - '0').isEqualTo((11 - sum % 11) % 10);
    }

    @Test
    void zeroResidentsGiveAnEmptyMunicipality() {
        DemoMunicipality empty = DemoMunicipality.generate(1L, 0);

        assertThat(empty.households()).isEmpty();
        assertThat(empty.residents()).isEmpty();
    }

    @Test
    void rejectsNegativeAndAbsurdSizes() {
        assertThatThrownBy(() -> DemoMunicipality.generate(1L, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoMunicipality.generate(1L, DemoMunicipality.MAX_RESIDENTS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
