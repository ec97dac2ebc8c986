package dev.madoguchi.demo;

import static dev.madoguchi.demo.Fixtures.DEFAULT;
import static dev.madoguchi.demo.Fixtures.RESIDENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.domain.Sex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookupTest {

    @Test
    void residentFindsEveryResidentById() {
        assertThat(RESIDENTS).allSatisfy(r -> assertThat(DEFAULT.resident(r.id())).containsSame(r));
    }

    @Test
    void residentIsEmptyForUnknownIds() {
        assertThat(DEFAULT.resident("R000000")).isEmpty();
        assertThat(DEFAULT.resident("R999999")).isEmpty();
        assertThat(DEFAULT.resident("H000001")).isEmpty();
        assertThat(DEFAULT.resident("")).isEmpty();
    }

    @Test
    void membersOfIsEmptyForAnUnknownHousehold() {
        assertThat(DEFAULT.membersOf("H999999")).isEmpty();
        assertThat(DEFAULT.membersOf("R000001")).isEmpty();
    }

    @Test
    void lookupsAlsoWorkOnAHandBuiltMunicipalityInAnyOrder() {
        Resident child = person("R2", "H1", "子");
        Resident head = person("R7", "H1", "世帯主");
        Resident neighbour = person("R3", "H2", "世帯主");
        DemoMunicipality handBuilt = new DemoMunicipality(1L, "999997", "架空県", "窓口市",
                List.of(new Household("H2", "R3", "住所", "000-0000"), new Household("H1", "R7", "住所", "000-0000")),
                List.of(child, neighbour, head));

        assertThat(handBuilt.membersOf("H1")).containsExactly(head, child);
        assertThat(handBuilt.membersOf("H2")).containsExactly(neighbour);
        assertThat(handBuilt.resident("R7")).containsSame(head);
        assertThat(handBuilt.resident("R1")).isEmpty();
    }

    @Test
    void listsAreImmutable() {
        assertThatThrownBy(() -> DEFAULT.residents().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DEFAULT.households().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DEFAULT.membersOf("H000001").clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DEFAULT.cardHolders().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringNeverShowsTheMyNumberOrTheResidenceCardNumber() {
        Resident resident = RESIDENTS.stream().filter(Resident::isForeign)
                .filter(r -> r.foreignResidency().residenceCardNumber() != null).findFirst().orElseThrow();

        assertThat(resident.toString()).doesNotContain(resident.myNumber()).contains(resident.id());
        assertThat(resident.foreignResidency().toString())
                .doesNotContain(resident.foreignResidency().residenceCardNumber());
    }

    private static Resident person(String id, String householdId, String relationship) {
        return new Resident(id, "00000000000", "537686677188", householdId, relationship, "見本", "太郎", "ミホン",
                "タロウ", LocalDate.of(1980, 1, 1), Sex.MALE, "住所", "000-0000", LocalDate.of(2000, 1, 1), null, null);
    }
}
