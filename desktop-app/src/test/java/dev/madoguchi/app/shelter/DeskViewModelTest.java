package dev.madoguchi.app.shelter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.shelter.backlog.BacklogRow;
import dev.madoguchi.app.shelter.backlog.BacklogViewModel;
import dev.madoguchi.app.shelter.present.PresentViewModel;
import dev.madoguchi.app.shelter.report.ReportViewModel;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Destination;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backlog, present list, check-out and report view models on the real store, without the toolkit. */
class DeskViewModelTest {

    @TempDir
    Path dir;

    ShelterFixture fixture;
    CheckInCoordinator desk;

    @BeforeEach
    void setUp() {
        fixture = new ShelterFixture(dir);
        desk = fixture.steps.desk();
        fixture.records.saveShelter(new Shelter("S-01", "第一小学校", "", 300, 200, List.of("体育館"), Set.of()));
        fixture.records.saveShelter(new Shelter("S-02", "福祉避難所 ひまわり", "", 40, 40, List.of(), Set.of()));
        desk.chooseShelter(fixture.records.shelters().stream().filter(s -> s.id().equals("S-01")).findFirst()
                .orElseThrow());
        fixture.records.checkIn("S-01", new Arrival("H-9", Stay.SHELTER, "体育館", List.of(new Pet("犬", 1, "")), "",
                List.of(person("A", "山田　花子", "ヤマダ　ハナコ", LocalDate.of(1938, 4, 1), CareKind.ELDERLY),
                        person("B", "山田　一郎", "ヤマダ　イチロウ", LocalDate.of(1970, 1, 2), CareKind.ALLERGY))));
    }

    private static Evacuee person(String id, String name, String kana, LocalDate born, CareKind flag) {
        return new Evacuee(id, name, kana, born, Sex.FEMALE, "", "", "", IdentifiedBy.MANUAL,
                List.of(flag == CareKind.ALLERGY ? new CareFlag(flag, "卵") : CareFlag.of(flag)), "", null);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void thePresentListIsSearchedByKanaNameOrBirthDateAndFilteredByFlag() {
        PresentViewModel present = fixture.steps.present();
        present.refresh();
        assertThat(present.rows()).hasSize(2);
        assertThat(present.countsProperty().get()).contains("2人").contains("1世帯");
        present.queryProperty().set("やまだ はな"); // hiragana, a blank
        assertThat(present.rows()).singleElement().asString().contains("山田　花子");
        present.queryProperty().set("S13.4.1");
        assertThat(present.rows()).singleElement().asString().contains("山田　花子");
        present.queryProperty().set("");
        present.flagProperty().set(CareKind.ALLERGY);
        assertThat(present.rows()).singleElement().asString().contains("一郎").contains("卵");
    }

    @Test
    void aCheckOutToAnotherShelterIsATransferWithTheTargetAndLeavesTheList() {
        PresentViewModel present = fixture.steps.present();
        present.refresh();
        present.destinationProperty().set(Destination.OTHER_SHELTER);
        present.checkOut(0);
        assertThat(present.errorProperty().get()).isNotEmpty(); // no target chosen: nothing done
        assertThat(fixture.records.present("S-01").present()).isEqualTo(2);
        present.targetProperty().set(present.targets().get(0));
        present.checkOut(0);
        assertThat(present.messageProperty().get()).contains("ひまわり");
        assertThat(present.rows()).hasSize(1);
        assertThat(fixture.records.present("S-02").present()).isEqualTo(1);
    }

    @Test
    void theDailyReportCountsAndIsExportedAsCsvWithABom() throws Exception {
        ReportViewModel report = fixture.steps.report();
        report.dateProperty().set("R8.11.20");
        report.refresh();
        assertThat(report.lines()).anyMatch(l -> l.contains("在所 2人"))
                .anyMatch(l -> l.contains("高齢") && l.contains("1人"))
                .anyMatch(l -> l.contains("ペット") && l.contains("1頭"))
                .anyMatch(l -> l.contains("アレルギー対応食（卵）"));
        Path file = dir.resolve("exports").resolve("report.csv");
        report.export(file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        assertThat(Files.readString(file)).contains("在所 2人");
        assertThat(report.messageProperty().get()).contains("report.csv");
    }

    @Test
    void backlogRowsAreFlaggedAsTypedAndTheGoodOnesSavedByHousehold() {
        BacklogViewModel backlog = fixture.steps.backlog();
        backlog.start();
        type(backlog.rows().get(0), "K-1", "佐藤　一", "サトウ　ハジメ", "S20.1.1", "男", "架空町1", "", "高齢");
        type(backlog.addRow(), "K-1", "佐藤　二", "", "19500230", "女", "", "", "");
        type(backlog.addRow(), "K-2", "山田　花子", "", "1938-04-01", "女", "", "", ""); // present already
        type(backlog.addRow(), "", "", "", "19800101", "", "", "", ""); // no name
        type(backlog.addRow(), "K-3", "鈴木　三", "", "H2.3.4", "2", "", "", "アレルギー:そば 乳幼児");
        type(backlog.addRow(), "K-3", "鈴木　三", "", "1990-03-04", "F", "", "", ""); // the same as the row above
        assertThat(states(backlog)).containsExactly(BacklogRow.State.READY, BacklogRow.State.BAD,
                BacklogRow.State.DUPLICATE, BacklogRow.State.BAD, BacklogRow.State.DUPLICATE,
                BacklogRow.State.DUPLICATE);
        assertThat(backlog.rows().get(1).statusProperty().get()).contains("生年月日");
        type(backlog.rows().get(5), "K-3", "鈴木　四", "", "1992-05-06", "F", "", "", "");
        assertThat(states(backlog).subList(4, 6)).containsOnly(BacklogRow.State.READY);
        assertThat(backlog.countsProperty().get()).contains("保存できる 3行");
        backlog.save();
        assertThat(states(backlog)).containsExactly(BacklogRow.State.SAVED, BacklogRow.State.BAD,
                BacklogRow.State.DUPLICATE, BacklogRow.State.BAD, BacklogRow.State.SAVED, BacklogRow.State.SAVED);
        var present = fixture.records.present("S-01");
        assertThat(present.present()).isEqualTo(5);
        assertThat(present.households()).isEqualTo(3);
        assertThat(present.people()).filteredOn(p -> p.person().name().equals("鈴木　三")).singleElement()
                .satisfies(p -> {
                    assertThat(p.person().identifiedBy()).isEqualTo(IdentifiedBy.PAPER);
                    assertThat(p.person().flags()).containsExactly(new CareFlag(CareKind.ALLERGY, "そば"),
                            CareFlag.of(CareKind.INFANT));
                    assertThat(p.householdId()).isEqualTo("K-3");
                });
        assertThat(backlog.countsProperty().get()).contains("保存済み 3行");
    }

    @Test
    void rowsOfASaveLeaveTheGridAtTheNextSaveAndTheCountKeepsThem() {
        BacklogViewModel backlog = fixture.steps.backlog();
        backlog.start();
        type(backlog.rows().get(0), "K-1", "佐藤　一", "", "S20.1.1", "男", "", "", "");
        type(backlog.addRow(), "K-1", "佐藤　二", "", "19500230", "女", "", "", ""); // impossible date
        backlog.save();
        assertThat(states(backlog)).containsExactly(BacklogRow.State.SAVED, BacklogRow.State.BAD);
        type(backlog.addRow(), "K-2", "田中　三", "", "S30.3.3", "女", "", "", "");
        backlog.save();
        assertThat(states(backlog)).as("the first save's row left the grid, the flagged one stays")
                .containsExactly(BacklogRow.State.BAD, BacklogRow.State.SAVED);
        assertThat(backlog.countsProperty().get()).contains("入力 3行").contains("保存済み 2行").contains("要確認 1行");
        type(backlog.rows().get(0), "K-1", "佐藤　二", "", "19500203", "女", "", "", "");
        backlog.save();
        assertThat(states(backlog)).containsExactly(BacklogRow.State.SAVED);
        backlog.save(); // nothing ready: the saved row leaves, an empty row is there to type into
        assertThat(states(backlog)).containsExactly(BacklogRow.State.EMPTY);
        assertThat(backlog.countsProperty().get()).contains("保存済み 3行");
        assertThat(fixture.records.present("S-01").present()).isEqualTo(5);
    }

    private static void type(BacklogRow row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.fields()[i].set(values[i]);
        }
    }

    private static List<BacklogRow.State> states(BacklogViewModel backlog) {
        return backlog.rows().stream().map(r -> r.stateProperty().get()).toList();
    }
}
