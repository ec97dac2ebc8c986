package dev.madoguchi.app.shelter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.Destination;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.store.shelter.ShelterRepository;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shelter dropped from the municipality's pulled list (docs/adr/0028), seen from the shelter desk on the real store:
 * the chooser says so, the desk takes no new check-in there (by hand or by the paper-card grid), its present list and
 * check-outs still work, and it is not offered as a transfer target.
 */
class ShelterWithdrawnViewModelTest {

    @TempDir
    Path dir;

    ShelterFixture fixture;
    CheckInCoordinator desk;

    private static final Shelter FIRST = new Shelter("S-01", "第一小学校", "", 300, 200, List.of("体育館"), Set.of());
    private static final Shelter HALL = new Shelter("S-02", "公民館", "", 40, 40, List.of(), Set.of());

    @BeforeEach
    void setUp() {
        fixture = new ShelterFixture(dir);
        desk = fixture.steps.desk();
        ShelterRepository shelters = fixture.store.store().orElseThrow().shelter(); // shelter staff may sync
        // the demo store holds the demo municipality's code 999997: a list of another code would be refused
        shelters.savePulledList("999997", List.of(FIRST, HALL), true);
        fixture.records.checkIn("S-02", new Arrival("H-1", Stay.SHELTER, "", List.of(), "", List.of(
                person("A", "山田　花子"), person("B", "山田　一郎"))));
        assertThat(shelters.savePulledList("999997", List.of(FIRST), true).withdrawn()).isEqualTo(1);
    }

    private static Evacuee person(String id, String name) {
        return new Evacuee(id, name, "", LocalDate.of(1970, 1, 2), Sex.FEMALE, "", "", "", IdentifiedBy.MANUAL,
                List.of(), "", null);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void theChooserSaysTheShelterWasDroppedAndTheDeskTakesNoNewCheckInThere() {
        fixture.steps.choice().load();
        assertThat(fixture.steps.choice().lines()).as("the demo store's shelters too").hasSizeGreaterThan(2)
                .filteredOn(l -> l.contains("市の一覧から外れました")).hasSize(1);
        assertThat(fixture.steps.choice().lines().get(line("第一小学校"))).doesNotContain("市の一覧から外れました");
        assertThat(fixture.steps.choice().lines().get(line("公民館"))).contains("市の一覧から外れました");

        fixture.steps.choice().choose(line("公民館"));
        assertThat(desk.messageProperty().get()).contains("市の一覧から外れました");
        assertThat(desk.withdrawnProperty().get()).isTrue();
        fixture.steps.identify().enterManually();
        fixture.steps.identify().nameProperty().set("佐藤　三郎");
        fixture.steps.identify().birthDateProperty().set("S50.1.1");
        fixture.steps.identify().submitManual();
        assertThat(desk.step()).isEqualTo(CheckInStep.IDENTIFY);
        assertThat(desk.errorProperty().get()).contains("公民館は市の一覧から外れたため");

        var row = fixture.steps.backlog().rows().get(0);
        String[] values = {"K-1", "佐藤　四郎", "", "S50.1.2", "男", "", "", "", ""};
        for (int i = 0; i < values.length; i++) {
            row.fields()[i].set(values[i]);
        }
        fixture.steps.backlog().save();
        assertThat(fixture.steps.backlog().errorProperty().get()).contains("市の一覧から外れた");
        assertThat(row.stateProperty().get()).isEqualTo(dev.madoguchi.app.shelter.backlog.BacklogRow.State.READY);
        assertThat(fixture.records.present("S-02").people()).hasSize(2);

        fixture.steps.choice().choose(line("第一小学校")); // the first school is on the list: checking in works there
        assertThat(desk.withdrawnProperty().get()).isFalse();
        fixture.steps.identify().enterManually();
        fixture.steps.identify().nameProperty().set("佐藤　三郎");
        fixture.steps.identify().birthDateProperty().set("S50.1.1");
        fixture.steps.identify().submitManual();
        if (desk.step() == CheckInStep.MATCH) {
            fixture.steps.match().noneOfThem();
        }
        assertThat(desk.step()).isEqualTo(CheckInStep.PERSON);
    }

    @Test
    void peoplePresentAtADroppedShelterCanStillBeCheckedOutAndItIsNoTransferTarget() {
        fixture.steps.choice().load();
        fixture.steps.choice().choose(line("公民館"));
        var present = fixture.steps.present();
        present.refresh();
        assertThat(present.rows()).hasSize(2);
        assertThat(present.targets()).extracting(Shelter::id).contains("S-01").doesNotContain("S-02");
        present.destinationProperty().set(Destination.HOME);
        present.checkOut(0);
        assertThat(present.errorProperty().get()).isEmpty();
        assertThat(present.rows()).hasSize(1);

        fixture.steps.choice().choose(line("第一小学校"));
        present.refresh();
        assertThat(present.targets()).as("a withdrawn shelter is not offered for a transfer").isNotEmpty()
                .extracting(Shelter::id).doesNotContain("S-02");
    }

    /** The chooser's line of the shelter with this name. */
    private int line(String name) {
        var lines = fixture.steps.choice().lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(name + "（")) {
                return i;
            }
        }
        throw new AssertionError("no line for " + name + " in " + lines);
    }
}
