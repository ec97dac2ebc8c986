package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.madoguchi.app.counter.plan.MoversViewModel;
import dev.madoguchi.app.pdf.PdfProbe;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.forms.definition.Box;
import dev.madoguchi.forms.definition.GroupDefinition;
import dev.madoguchi.forms.validation.Severity;
import dev.madoguchi.store.moveout.MoveOutMember;
import dev.madoguchi.store.moveout.MoveOutRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Movers who join a household that already exists here (世帯合併) in a 転居 or a 転入: the plan step asks the name of
 * its 世帯主 and every mover's 続柄 to that 世帯主 (the register records 続柄 to the movers' own former head only, so
 * none is derived), refuses to go on until each is typed, and the 住民異動届 and the 国保 form print the typed 続柄 and
 * that 世帯主 — read back from the PDF with pdftotext — instead of the 続柄 to the former head.
 */
class HouseholdJoinTest extends StepTestBase {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final String JOINED_HEAD = "佐藤\u3000健一";

    private List<Resident> household(Resident r) {
        return fixture.demo.municipality().residents().stream().filter(m -> m.householdId().equals(r.householdId()))
                .toList();
    }

    /** A card-holding 世帯主 of a household of two or more, identified, confirmed, 転居 chosen. */
    private Resident headMovesWithin() {
        Resident r = fixture.demo.municipality().cardHolders().stream()
                .filter(c -> c.card().textPinTriesLeft() == 3 && !c.isForeign() && c.relationship().equals("世帯主"))
                .filter(c -> household(c).size() >= 2).findFirst().orElseThrow();
        putCard(r);
        typePin(r.card().textPin());
        vm.submitPin();
        vm.confirmCandidate(vm.candidates().stream().filter(c -> c.resident().residentId().equals(r.id()))
                .findFirst().orElseThrow());
        vm.chooseEvent("tenkyo");
        assertThat(vm.eventProperty().get()).isEqualTo("tenkyo");
        return r;
    }

    private MoversViewModel movers() {
        return vm.steps().plan().movers();
    }

    private void toForms(String kokuhoReason) {
        vm.questions().forEach(q -> vm.answer(q.id(), q.id().equals("nationalHealthInsurance") ? "yes" : "no"));
        vm.proposeProcedures();
        assertThat(vm.stepProperty().get()).as(vm.errorProperty().get()).isEqualTo(VisitStep.PROCEDURES);
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.setInterviewValue("kokuhoReason", kokuhoReason);
        vm.prepareForms();
        assertThat(vm.stepProperty().get()).as(vm.errorProperty().get()).isEqualTo(VisitStep.FORMS);
    }

    private VisitForm form(String id) {
        return vm.forms().stream().filter(f -> f.formId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aWholeHouseholdJoiningAnotherWithinTheCityIsAskedEveryRelationshipAndTheFormsPrintWhatWasTyped()
            throws Exception {
        Resident head = headMovesWithin();
        List<Resident> household = household(head);
        MoversViewModel movers = movers();
        household.forEach(m -> movers.setMoving(m.residentCode(), true));
        assertThat(movers.joinOfferedProperty().get()).isTrue();
        assertThat(movers.toAsk()).as("a whole household keeps its head").isEmpty();

        movers.setJoining(true);
        assertThat(movers.joiningProperty().get()).isTrue();
        assertThat(movers.newHeadProperty().get()).as("none of the movers heads the household").isNull();
        assertThat(movers.needsNewHead()).isFalse();
        assertThat(movers.toAsk()).as("nothing is derived: the joined head is not in the movers' register household")
                .extracting(MoversViewModel.Ask::code)
                .containsExactlyInAnyOrderElementsOf(household.stream().map(Resident::residentCode).toList());
        assertThat(movers.consequences()).contains(vm.messages().get("counter.movers.wholeJoins", household.size()),
                vm.messages().get("counter.movers.joinHeadMissing"));
        vm.proposeProcedures();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.LIFE_EVENT);
        assertThat(vm.errorProperty().get()).isEqualTo(vm.messages().get("counter.movers.joinHeadMissing"));

        movers.setJoinHead(" " + JOINED_HEAD + " ");
        assertThat(movers.joinHeadProperty().get()).isEqualTo(JOINED_HEAD);
        assertThat(movers.consequences()).contains(vm.messages().get("counter.movers.joins", JOINED_HEAD));
        assertThat(movers.askLabel(movers.toAsk().get(0))).contains(head.fullName(), JOINED_HEAD, "世帯主");
        vm.proposeProcedures();
        assertThat(vm.stepProperty().get()).as("no 続柄 typed yet").isEqualTo(VisitStep.LIFE_EVENT);
        assertThat(vm.errorProperty().get()).contains(JOINED_HEAD, head.fullName());

        // in the movers' order (the person at the counter first): the 続柄 the resident gives for the joined head
        List<String> codes = vm.visit().moving().movers();
        List<String> typed = codes.stream().map(code -> household.stream().filter(m -> m.residentCode().equals(code))
                .findFirst().orElseThrow()).map(m -> m == head ? "子" : m.relationship().equals("妻") ? "子の妻" : "孫")
                .toList();
        for (int i = 0; i < codes.size() - 1; i++) {
            movers.setRelationship(codes.get(i), typed.get(i));
        }
        assertThat(movers.complete()).as("one 続柄 still missing").isFalse();
        movers.setRelationship(codes.get(codes.size() - 1), typed.get(typed.size() - 1));
        assertThat(movers.complete()).isTrue();
        assertThat(vm.steps().plan().interviewItems()).as("the head's name is not asked twice")
                .noneMatch(i -> i.key().equals("householdHead"));
        toForms("転居");
        assertThat(vm.steps().plan().interviewItems()).noneMatch(i -> i.key().equals("householdHead"));

        VisitForm ido = form("jumin-ido");
        VisitForm kokuho = form("kokuho-ido");
        for (VisitForm f : List.of(ido, kokuho)) {
            assertThat(f.filled().text("householdHead")).as(f.formId()).isEqualTo(JOINED_HEAD);
            assertThat(f.filled().value("householdHead").orElseThrow().source()).isEqualTo("household.newHead");
        }
        assertThat(ido.filled().rows("movers")).extracting(r -> r.get("relationship")).containsExactlyElementsOf(typed);
        assertThat(ido.filled().value("movers.1.relationship").orElseThrow().source()).isEqualTo("household.newHead");
        assertThat(kokuho.filled().text("memberRelationship")).as("the person at the counter on the 国保 form")
                .isEqualTo("子");
        assertThat(headIssues(ido)).isEmpty();

        var draft = store().drafts().latest().orElseThrow();
        Visit read = VisitJson.read(draft.draftId(), draft.data());
        assertThat(read.moving().joinHead()).isEqualTo(JOINED_HEAD);
        assertThat(read).isEqualTo(vm.visit());

        CounterFixture.requireFonts();
        assertThat(textIn(ido, ido.filled().definition().field("householdHead").orElseThrow().box()))
                .isEqualTo(JOINED_HEAD.replace("\u3000", ""));
        for (int i = 0; i < typed.size() && i < 4; i++) {
            assertThat(textIn(ido, rowBox(ido, i))).as("row " + (i + 1)).isEqualTo(typed.get(i));
        }
    }

    @Test
    void takingTheJoinBackDropsTheTypedRelationshipsAndTheHouseholdKeepsItsOwnHead() {
        Resident head = headMovesWithin();
        MoversViewModel movers = movers();
        movers.setJoining(true);
        movers.setJoinHead(JOINED_HEAD);
        movers.setRelationship(head.residentCode(), "父");
        assertThat(movers.typedRelationship(head.residentCode())).isEqualTo("父");
        Resident other = household(head).stream().filter(m -> m != head).findFirst().orElseThrow();
        movers.setMoving(other.residentCode(), true);
        assertThat(movers.typedRelationship(head.residentCode())).as("the joined head did not change").isEqualTo("父");

        movers.setJoining(false);
        assertThat(movers.joiningProperty().get()).isFalse();
        assertThat(vm.visit().moving().joinHead()).isNull();
        assertThat(vm.visit().moving().relationships()).isEmpty();
        assertThat(movers.toAsk()).isEmpty();
        assertThat(movers.newHeadProperty().get()).isEqualTo(head.residentCode());
        assertThat(movers.consequences()).contains(vm.messages().get("counter.movers.join"));

        vm.chooseEvent("tenshutsu");
        assertThat(movers.joinOfferedProperty().get()).as("a 転出's household is the next town's").isFalse();
        movers.setJoining(true);
        assertThat(movers.joiningProperty().get()).isFalse();
    }

    @Test
    void movingInFromARecordToJoinAHouseholdAsksNoNewHeadAmongTheMoversButEachRelationshipToTheJoinedOne() {
        String hanako = "91000000022";
        String taro = "91000000030";
        store().moveOuts().purgeExpired(TODAY.plusYears(1));
        store().moveOuts().applyPage(List.of(new MoveOutRecord("MO-J", "別県別市", "別県別市中町一丁目２番３号",
                "山田\u3000一郎", TODAY.minusDays(5), TODAY.plusDays(20), List.of(
                        new MoveOutMember("91000000014", "山田", "一郎", "ヤマダ", "イチロウ", LocalDate.of(1985, 4, 1),
                                Sex.MALE, "世帯主", null),
                        new MoveOutMember(hanako, "山田", "花子", "ヤマダ", "ハナコ", LocalDate.of(1987, 6, 2),
                                Sex.FEMALE, "妻", null),
                        new MoveOutMember(taro, "山田", "太郎", "ヤマダ", "タロウ", LocalDate.of(2016, 9, 3),
                                Sex.MALE, "子", null)))), "j1", 0);
        vm.enterManually();
        vm.manualNameProperty().set("山田\u3000花子");
        vm.manualBirthDateProperty().set("1987-06-02");
        vm.submitManualEntry();
        vm.steps().match().confirmMoveOut(vm.steps().match().moveOuts().get(0));
        MoversViewModel movers = movers();
        movers.setMoving(taro, true);
        assertThat(movers.needsNewHead()).as("the former head stays behind").isTrue();

        movers.setJoining(true);
        assertThat(movers.needsNewHead()).as("they join a head who lives here").isFalse();
        assertThat(movers.toAsk()).extracting(MoversViewModel.Ask::code, MoversViewModel.Ask::formerRelationship)
                .containsExactly(tuple(hanako, "妻"), tuple(taro, "子"));
        movers.setJoinHead("鈴木\u3000春子");
        movers.setRelationship(hanako, "子");
        movers.setRelationship(taro, "孫");
        toForms("転入");

        VisitForm ido = form("jumin-ido");
        assertThat(ido.filled().text("householdHead")).isEqualTo("鈴木\u3000春子");
        assertThat(ido.filled().rows("movers")).extracting(r -> r.get("name"), r -> r.get("relationship"))
                .containsExactly(tuple("山田\u3000花子", "子"), tuple("山田\u3000太郎", "孫"));
        assertThat(ido.filled().value("movers.2.relationship").orElseThrow().source()).isEqualTo("household.newHead");
        assertThat(headIssues(ido)).isEmpty();
    }

    private static List<String> headIssues(VisitForm form) {
        return form.issues().stream().filter(i -> i.severity() == Severity.ERROR && i.fieldId() != null)
                .filter(i -> i.fieldId().equals("householdHead") || i.fieldId().endsWith("relationship"))
                .map(i -> i.fieldId() + ":" + i.code()).toList();
    }

    private static Box rowBox(VisitForm form, int row) {
        GroupDefinition group = form.filled().definition().group("movers").orElseThrow();
        return group.placed(group.field("relationship").orElseThrow(), row);
    }

    /** What pdftotext reads inside a box of the rendered form, spaces, marks and labels left out. */
    private String textIn(VisitForm form, Box box) throws Exception {
        Path pdf = dir.resolve(form.formId() + ".pdf");
        Files.write(pdf, fixture.visits.render(form).pdf());
        return PdfProbe.textIn(pdf, box).replace("※", "").replace("世帯主の氏名", "").replace("続柄", "");
    }
}
