package dev.madoguchi.domain.shelter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShelterValuesTest {

    @Test
    void flagsAreReadAndWrittenAsInTheBacklogFile() {
        CareFlag allergy = CareFlag.parse("allergy:卵");
        assertThat(allergy.kind()).isEqualTo(CareKind.ALLERGY);
        assertThat(allergy.detail()).isEqualTo("卵");
        assertThat(allergy.code()).isEqualTo("allergy:卵");
        assertThat(CareFlag.parse("service-dog").code()).isEqualTo("service-dog");
        assertThatThrownBy(() -> CareFlag.parse("elderly:yes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CareFlag.parse("hungry")).hasMessageContaining("elderly|disabled");
    }

    @Test
    void codesParseWhateverTheCase() {
        assertThat(Coded.parse(Stay.class, " Other-Municipality ")).isEqualTo(Stay.OTHER_MUNICIPALITY);
        assertThatThrownBy(() -> Coded.parse(Stay.class, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyATransferNamesATargetShelter() {
        assertThat(new Departure("p", Destination.OTHER_SHELTER, "S-02").targetShelterId()).isEqualTo("S-02");
        assertThatThrownBy(() -> new Departure("p", Destination.OTHER_SHELTER, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Departure("p", Destination.HOME, "S-02"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShelterIdIsSafeForFilesAndUrls() {
        assertThatThrownBy(() -> new Shelter("../x", "体育館", "", 0, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Shelter("S-01", "第一小学校", null, 300, 200, null, null).spaces()).isEmpty();
    }
}
