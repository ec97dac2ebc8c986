package dev.madoguchi.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.madoguchi.store.moveout.MoveOutMember;
import dev.madoguchi.store.moveout.MoveOutRecord;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The desktop demo store's pending records are the reference backend's demo records (the same ids, addresses and
 * people), so a demo that later syncs with {@code ./madoguchi backend} replaces them with themselves; the family's
 * demo card is its 世帯主's.
 */
class DemoMoveOutsTest {

    @Test
    void theDesktopsDemoRecordsAreTheBackendsAndTheCardIsTheFamilysHead() {
        LocalDate day = LocalDate.of(2026, 12, 7);
        List<MoveOutRecord> desktop = DemoMoveOuts.records(day);
        var backend = dev.madoguchi.backend.moveout.DemoMoveOuts.records(day);
        assertThat(desktop).hasSameSizeAs(backend);
        for (int i = 0; i < desktop.size(); i++) {
            MoveOutRecord d = desktop.get(i);
            JsonNode b = backend.get(i);
            assertThat(d.recordId()).isEqualTo(b.get("recordId").asText());
            assertThat(d.fromMunicipality()).isEqualTo(b.get("fromMunicipality").asText());
            assertThat(d.previousAddress()).isEqualTo(b.get("previousAddress").asText());
            assertThat(d.previousHead()).isEqualTo(b.get("previousHead").asText());
            assertThat(d.plannedMoveDate().toString()).isEqualTo(b.get("plannedMoveDate").asText());
            assertThat(d.members()).hasSize(b.get("members").size());
            for (int m = 0; m < d.members().size(); m++) {
                MoveOutMember dm = d.members().get(m);
                JsonNode bm = b.get("members").get(m);
                assertThat(List.of(dm.residentCode(), dm.familyName(), dm.givenName(), dm.familyNameKana(),
                        dm.givenNameKana(), dm.birthDate().toString(), dm.relationship()))
                        .containsExactly(bm.get("residentCode").asText(), bm.get("familyName").asText(),
                                bm.get("givenName").asText(), bm.get("familyNameKana").asText(),
                                bm.get("givenNameKana").asText(), bm.get("birthDate").asText(),
                                bm.get("relationship").asText());
            }
        }
        var card = DemoMoveOuts.card("99999").myNumberCard().orElseThrow();
        MoveOutMember head = desktop.get(0).members().get(0);
        assertThat(card.basicFour().name()).isEqualTo(head.familyName() + "\u3000" + head.givenName());
        assertThat(card.basicFour().birthDate()).isEqualTo(head.birthDate());
        assertThat(card.basicFour().address()).isEqualTo(desktop.get(0).previousAddress());
    }
}
