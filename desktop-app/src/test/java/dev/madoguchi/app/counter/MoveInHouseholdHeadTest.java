package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.match.MatchViewModel;
import dev.madoguchi.app.counter.plan.MoversViewModel;
import dev.madoguchi.app.demo.DemoMoveOuts;
import dev.madoguchi.app.pdf.PdfProbe;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.forms.definition.Box;
import dev.madoguchi.forms.validation.Severity;
import dev.madoguchi.store.moveout.MoveOutMember;
import dev.madoguchi.store.moveout.MoveOutRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 世帯主 of the household that moves in from a 転出証明書 (a pending move-out record): the former head when they move
 * along, otherwise the mover the clerk chooses — pre-filled into the 住民異動届's and the 国民健康保険 異動届's 世帯主の氏名,
 * never typed by hand, and printed in that field.
 */
class MoveInHouseholdHeadTest extends StepTestBase {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final String ICHIRO = "91000000014";
    private static final String HANAKO = "91000000022";
    private static final String TARO = "91000000030";

    private static MoveOutRecord family() {
        return new MoveOutRecord("MO-H", "別県別市", "別県別市中町一丁目２番３号", "山田\u3000一郎", TODAY.minusDays(5),
                TODAY.plusDays(20), List.of(
                        new MoveOutMember(ICHIRO, "山田", "一郎", "ヤマダ", "イチロウ", LocalDate.of(1985, 4, 1),
                                Sex.MALE, "世帯主", null),
                        new MoveOutMember(HANAKO, "山田", "花子", "ヤマダ", "ハナコ", LocalDate.of(1987, 6, 2),
                                Sex.FEMALE, "妻", null),
                        new MoveOutMember(TARO, "山田", "太郎", "ヤマダ", "タロウ", LocalDate.of(2016, 9, 3),
                                Sex.MALE, "子", null)));
    }

    /** The life-event questions answered: only the 国民健康保険 applies. */
    private void withNationalHealthInsurance() {
        vm.questions().forEach(q -> vm.answer(q.id(), q.id().equals("nationalHealthInsurance") ? "yes" : "no"));
    }

    private void toForms() {
        vm.proposeProcedures();
        assertThat(vm.stepProperty().get()).as(vm.errorProperty().get()).isEqualTo(VisitStep.PROCEDURES);
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.setInterviewValue("kokuhoReason", "転入");
        vm.prepareForms();
        assertThat(vm.stepProperty().get()).as(vm.errorProperty().get()).isEqualTo(VisitStep.FORMS);
    }

    private VisitForm form(String id) {
        return vm.forms().stream().filter(f -> f.formId().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> headIssues(VisitForm form) {
        return form.issues().stream().filter(i -> i.severity() == Severity.ERROR)
                .filter(i -> i.fieldId().equals("householdHead") || i.fieldId().endsWith("relationship"))
                .map(i -> i.fieldId() + ":" + i.code()).toList();
    }

    @Test
    void theDemoFamilysHeadMovesAlongAndHeadsTheNewHouseholdOnBothFormsWithoutTyping() throws Exception {
        fixture.reader.place(DemoMoveOuts.CARD_ID);
        tasks.tick();
        typePin("4321");
        vm.submitPin();
        MatchViewModel match = vm.steps().match();
        assertThat(match.moveOuts()).extracting(MoveOutRecord::recordId).containsExactly(DemoMoveOuts.FAMILY_RECORD);
        match.confirmMoveOut(match.moveOuts().get(0));
        MoversViewModel movers = vm.steps().plan().movers();
        movers.setMoving(HANAKO, true);
        movers.setMoving(TARO, true);
        assertThat(movers.needsNewHead()).isFalse();
        assertThat(movers.newHeadProperty().get()).isEqualTo(ICHIRO);
        assertThat(movers.consequences()).contains(vm.messages().get("counter.movers.newHouseholdHead", "山田\u3000一郎"));
        withNationalHealthInsurance();
        toForms();
        assertThat(vm.interview()).as("nothing typed for the head").containsEntry("householdHead", "");

        VisitForm ido = form("jumin-ido");
        VisitForm kokuho = form("kokuho-ido");
        for (VisitForm f : List.of(ido, kokuho)) {
            assertThat(f.filled().text("householdHead")).as(f.formId()).isEqualTo("山田\u3000一郎");
            assertThat(f.filled().value("householdHead").orElseThrow().source()).isEqualTo("household.newHead");
            assertThat(headIssues(f)).as(f.formId()).isEmpty();
        }
        assertThat(ido.filled().rows("movers")).extracting(r -> r.get("relationship"))
                .containsExactly("世帯主", "妻", "子");

        CounterFixture.requireFonts();
        // what the 国保 form still needs of the person at the counter is the clerk's to type; the head is not
        kokuho = fixture.visits.edit(kokuho, "memberNameKana", "ヤマダ\u3000イチロウ");
        kokuho = fixture.visits.edit(kokuho, "memberRelationship", "世帯主");
        assertThat(kokuho.issues()).filteredOn(i -> i.severity() == Severity.ERROR).isEmpty();
        for (VisitForm f : List.of(ido, kokuho)) {
            assertThat(textIn(f, "householdHead")).as(f.formId()).isEqualTo("山田一郎");
        }
    }

    @Test
    void whenTheHeadStaysBehindTheClerkChoosesTheNewHeadAmongTheMoversAndItFlowsIntoBothForms() {
        store().moveOuts().purgeExpired(TODAY.plusYears(1));
        store().moveOuts().applyPage(List.of(family()), "h1", 0);
        vm.enterManually();
        vm.manualNameProperty().set("山田\u3000花子");
        vm.manualBirthDateProperty().set("1987-06-02");
        vm.submitManualEntry();
        vm.steps().match().confirmMoveOut(vm.steps().match().moveOuts().get(0));
        MoversViewModel movers = vm.steps().plan().movers();

        assertThat(movers.needsNewHead()).as("one mover heads her own household").isFalse();
        assertThat(movers.newHeadProperty().get()).isEqualTo(HANAKO);

        movers.setMoving(TARO, true);
        assertThat(movers.needsNewHead()).isTrue();
        assertThat(movers.newHeadProperty().get()).isNull();
        assertThat(movers.moving()).extracting(MoversViewModel.Member::code).containsExactly(HANAKO, TARO);
        assertThat(movers.consequences()).contains(vm.messages().get("counter.movers.chooseNewHead"));
        withNationalHealthInsurance();
        vm.proposeProcedures();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.LIFE_EVENT);
        assertThat(vm.errorProperty().get()).isEqualTo(vm.messages().get("counter.movers.newHeadMissing"));

        movers.chooseNewHead(ICHIRO);
        assertThat(movers.newHeadProperty().get()).as("the former head does not move").isNull();
        movers.chooseNewHead(TARO);
        assertThat(movers.newHeadProperty().get()).isEqualTo(TARO);
        movers.setMoving(TARO, false);
        assertThat(movers.newHeadProperty().get()).as("a head who no longer moves is forgotten").isEqualTo(HANAKO);
        assertThat(vm.visit().moving().newHead()).isNull();
        movers.setMoving(TARO, true);
        assertThat(movers.newHeadProperty().get()).isNull();
        movers.chooseNewHead(HANAKO);
        assertThat(movers.consequences()).contains(vm.messages().get("counter.movers.newHouseholdHead", "山田\u3000花子"));
        toForms();

        VisitForm ido = form("jumin-ido");
        VisitForm kokuho = form("kokuho-ido");
        for (VisitForm f : List.of(ido, kokuho)) {
            assertThat(f.filled().text("householdHead")).as(f.formId()).isEqualTo("山田\u3000花子");
            assertThat(f.filled().value("householdHead").orElseThrow().source()).isEqualTo("household.newHead");
            assertThat(headIssues(f)).as(f.formId()).isEmpty();
        }
        assertThat(ido.filled().rows("movers")).extracting(r -> r.get("name"), r -> r.get("relationship"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("山田\u3000花子", "世帯主"),
                        org.assertj.core.groups.Tuple.tuple("山田\u3000太郎", "子"));

        var draft = store().drafts().latest().orElseThrow();
        Visit read = VisitJson.read(draft.draftId(), draft.data());
        assertThat(read).isEqualTo(vm.visit());
        assertThat(read.moving().newHead()).isEqualTo(HANAKO);
    }

    @Test
    void aHeadTypedInTheInterviewForAHouseholdTheyJoinWinsOnBothForms() {
        store().moveOuts().purgeExpired(TODAY.plusYears(1));
        store().moveOuts().applyPage(List.of(family()), "h1", 0);
        vm.enterManually();
        vm.manualNameProperty().set("山田\u3000一郎");
        vm.manualBirthDateProperty().set("1985-04-01");
        vm.submitManualEntry();
        vm.steps().match().confirmMoveOut(vm.steps().match().moveOuts().get(0));
        withNationalHealthInsurance();
        vm.proposeProcedures();
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.setInterviewValue("kokuhoReason", "転入");
        vm.setInterviewValue("householdHead", "窓口\u3000花子");
        vm.prepareForms();
        for (String id : List.of("jumin-ido", "kokuho-ido")) {
            assertThat(form(id).filled().text("householdHead")).as(id).isEqualTo("窓口\u3000花子");
            assertThat(form(id).filled().value("householdHead").orElseThrow().source())
                    .isEqualTo("interview.householdHead");
        }
    }

    /** What pdftotext reads inside the field's box on the rendered form, spaces left out. */
    private String textIn(VisitForm form, String fieldId) throws Exception {
        RenderedForm rendered = fixture.visits.render(form);
        Path pdf = dir.resolve(form.formId() + ".pdf");
        Files.write(pdf, rendered.pdf());
        Box box = form.filled().definition().field(fieldId).orElseThrow().box();
        return PdfProbe.textIn(pdf, box).replace("※", "").replace("世帯主の氏名", ""); // the label, legal mark
    }
}
