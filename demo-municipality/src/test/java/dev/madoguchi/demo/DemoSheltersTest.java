package dev.madoguchi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.domain.shelter.Arrival;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSheltersTest {

    @Test
    void householdsOfTheRegisterAreSpreadOverTheShelters() {
        DemoMunicipality m = DemoMunicipality.generate(5, 600);
        DemoShelters demo = DemoShelters.generate(m, 3, 200);
        assertThat(demo.shelters()).extracting(s -> s.id()).containsExactly("demo-1", "demo-2", "demo-3");
        int people = demo.arrivals().values().stream().flatMap(List::stream).mapToInt(a -> a.members().size()).sum();
        assertThat(people).isBetween(200, 230);
        assertThat(demo.arrivals().get(DemoShelters.DEMO_SHELTER_ID)).isNotEmpty();
        Arrival first = demo.arrivals().get("demo-1").get(0);
        assertThat(first.members().get(0).residentId()).isNotEmpty();
        assertThat(DemoShelters.generate(m, 3, 200)).as("deterministic").isEqualTo(demo);
    }

    @Test
    void householdsArriveAtFixedTimesTwoMinutesApartFromTheEveningOfTheReferenceDay() {
        assertThat(DemoShelters.arrivedAt(0)).isEqualTo(Instant.parse("2026-11-01T09:00:00Z")) // 18:00 JST
                .isEqualTo(DemoShelters.FIRST_ARRIVAL);
        assertThat(DemoShelters.arrivedAt(25)).isEqualTo(Instant.parse("2026-11-01T09:50:00Z"));
        assertThatThrownBy(() -> DemoShelters.arrivedAt(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
