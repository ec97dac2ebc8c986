package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.match.MatchViewModel;
import dev.madoguchi.app.counter.plan.MoversViewModel;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.moveout.MoveOutMember;
import dev.madoguchi.store.moveout.MoveOutRecord;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 転入 from the move-out data (転出証明書情報) that arrived before the resident: found by 基本4情報, confirmed by the
 * clerk, 従前の住所 and the household taken from it — never from this municipality's register.
 */
class MoveOutMatchTest extends StepTestBase {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final String PREVIOUS = "別県別市中町一丁目２番３号";

    private static MoveOutRecord family(String id, LocalDate validUntil) {
        return new MoveOutRecord(id, "別県別市", PREVIOUS, "山田\u3000一郎", TODAY.minusDays(5), validUntil, List.of(
                new MoveOutMember("91000000014", "山田", "一郎", "ヤマダ", "イチロウ", LocalDate.of(1985, 4, 1),
                        Sex.MALE, "世帯主", null),
                new MoveOutMember("91000000022", "山田", "花子", "ヤマダ", "ハナコ", LocalDate.of(1987, 6, 2),
                        Sex.FEMALE, "妻", null),
                new MoveOutMember("91000000030", "山田", "太郎", "ヤマダ", "タロウ", LocalDate.of(2016, 9, 3),
                        Sex.MALE, "子", null)));
    }

    private void identify(String name, String birthDate) {
        vm.enterManually();
        vm.manualNameProperty().set(name);
        vm.manualBirthDateProperty().set(birthDate);
        vm.submitManualEntry();
        assertThat(vm.stepProperty().get()).as(vm.errorProperty().get()).isEqualTo(VisitStep.CANDIDATES);
    }

    /** The demo store keeps the demo's records of the same family (DemoMoveOuts): these tests use their own. */
    private void withoutTheDemoRecords() {
        store().moveOuts().purgeExpired(TODAY.plusYears(1));
    }

    @Test
    void theRecordIsFoundByTheBasicFourItemsAndTheFormTakesThePreviousAddressAndTheHouseholdFromIt() {
        withoutTheDemoRecords();
        store().moveOuts().applyPage(List.of(family("MO-1", TODAY.plusDays(20))), "m1", 0);
        identify("山田\u3000花子", "1987-06-02");
        MatchViewModel match = vm.steps().match();
        assertThat(match.moveOuts()).extracting(MoveOutRecord::recordId).containsExactly("MO-1");
        assertThat(vm.matchTextProperty().get()).contains("転出証明書情報");

        match.confirmMoveOut(match.moveOuts().get(0));
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.LIFE_EVENT);
        assertThat(vm.eventProperty().get()).isEqualTo("tennyu");
        assertThat(vm.steps().plan().registeredHereProperty().get()).as("not registered here").isFalse();
        assertThat(vm.visit().moving().moveOutId()).isEqualTo("MO-1");
        assertThat(vm.visit().interview()).containsEntry("previousAddress", PREVIOUS);

        MoversViewModel movers = vm.steps().plan().movers();
        assertThat(movers.members()).extracting(MoversViewModel.Member::relationship)
                .containsExactly("世帯主", "妻", "子");
        assertThat(movers.members()).filteredOn(MoversViewModel.Member::atCounter)
                .extracting(MoversViewModel.Member::code).containsExactly("91000000022");
        movers.setMoving("91000000014", true);
        movers.setMoving("91000000030", true);
        assertThat(movers.consequences()).contains(vm.messages().get("counter.movers.whole", 3));

        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.proposeProcedures();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.PROCEDURES);
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.prepareForms();
        VisitForm ido = vm.forms().get(0);
        assertThat(ido.filled().text("previousAddress")).isEqualTo(PREVIOUS);
        assertThat(ido.filled().rowCount("movers")).isEqualTo(3);
        assertThat(ido.filled().rows("movers")).extracting(r -> r.get("name"))
                .containsExactly("山田\u3000花子", "山田\u3000一郎", "山田\u3000太郎");
        assertThat(ido.filled().text("movers.1.residentCode")).isEqualTo("91000000022");
        assertThat(ido.filled().text("movers.3.relationship")).isEqualTo("子");
        assertThat(ido.filled().value("movers.2.name").orElseThrow().source()).isEqualTo("data.moveOut");
        assertThat(vm.steps().formsStep().sourceText("data.moveOut")).isEqualTo("データ");
    }

    @Test
    void aResumedDraftKeepsTheMoversChosenFromTheRecordAndReadsBackAsTheVisit() {
        withoutTheDemoRecords();
        store().moveOuts().applyPage(List.of(family("MO-1", TODAY.plusDays(20))), "m1", 0);
        identify("山田\u3000一郎", "1985-04-01");
        vm.steps().match().confirmMoveOut(vm.steps().match().moveOuts().get(0));
        MoversViewModel movers = vm.steps().plan().movers();
        movers.setMoving("91000000030", true);
        movers.setMoving("91000000022", true);
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.proposeProcedures();
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.prepareForms();
        assertThat(vm.stepProperty().get()).as(vm.errorProperty().get()).isEqualTo(VisitStep.FORMS);

        var draft = store().drafts().latest().orElseThrow();
        Visit read = VisitJson.read(draft.draftId(), draft.data());
        assertThat(read).isEqualTo(vm.visit());
        assertThat(read.moving().origin().members()).extracting(Mover::relationship)
                .containsExactly("世帯主", "妻", "子");
        assertThat(read.moving().moversFromOrigin()).extracting(Mover::name)
                .containsExactly("山田\u3000一郎", "山田\u3000花子", "山田\u3000太郎");

        vm.stop();
        vm.discard();
        // the record is gone from the store (purged, or pulled away): the draft alone has the rows
        store().moveOuts().purgeExpired(TODAY.plusDays(30));
        CounterVisit next = new CounterVisit(new dev.madoguchi.app.i18n.Messages(
                dev.madoguchi.app.i18n.Language.JAPANESE), tasks, fixture.visits,
                () -> new PrintDestination.Folder(fixture.printFolder), nanos::get, fixture.clock);
        next.start();
        try {
            next.offerDrafts();
            next.resumeDraft();
            assertThat(next.errorProperty().get()).isEmpty();
            assertThat(next.stepProperty().get()).isEqualTo(VisitStep.FORMS);
            VisitForm ido = next.forms().get(0);
            assertThat(ido.filled().rows("movers")).extracting(r -> r.get("name"))
                    .containsExactly("山田\u3000一郎", "山田\u3000花子", "山田\u3000太郎");
            assertThat(ido.filled().value("movers.2.name").orElseThrow().source()).isEqualTo("data.moveOut");
            assertThat(ido.filled().text("previousAddress")).isEqualTo(PREVIOUS);

            next.steps().formsStep().backToProcedures();
            next.steps().plan().backToLifeEvent();
            assertThat(next.stepProperty().get()).isEqualTo(VisitStep.LIFE_EVENT);
            MoversViewModel again = next.steps().plan().movers();
            assertThat(again.members()).extracting(MoversViewModel.Member::relationship)
                    .containsExactly("世帯主", "妻", "子");
            assertThat(again.chosen()).containsExactlyInAnyOrder("91000000014", "91000000022", "91000000030");
        } finally {
            next.stop();
        }
    }

    @Test
    void theDemoFamilysCardFindsItsMoveOutRecordInTheDemoStoreAndTheThreeMoveIn() {
        fixture.reader.place(dev.madoguchi.app.demo.DemoMoveOuts.CARD_ID);
        tasks.tick();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.PIN_ENTRY);
        typePin("4321");
        vm.submitPin();
        assertThat(vm.stepProperty().get()).as(vm.errorProperty().get()).isEqualTo(VisitStep.CANDIDATES);
        MatchViewModel match = vm.steps().match();
        assertThat(vm.candidates()).as("not in the demo register").isEmpty();
        assertThat(match.moveOuts()).extracting(MoveOutRecord::recordId)
                .containsExactly(dev.madoguchi.app.demo.DemoMoveOuts.FAMILY_RECORD);
        match.confirmMoveOut(match.moveOuts().get(0));
        MoversViewModel movers = vm.steps().plan().movers();
        assertThat(movers.members()).extracting(MoversViewModel.Member::name)
                .containsExactly("山田\u3000一郎", "山田\u3000花子", "山田\u3000太郎");
        movers.setMoving("91000000022", true);
        movers.setMoving("91000000030", true);
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.proposeProcedures();
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.prepareForms();
        VisitForm ido = vm.forms().get(0);
        assertThat(ido.filled().rowCount("movers")).isEqualTo(3);
        assertThat(ido.filled().text("previousAddress")).isEqualTo("別県別市中町一丁目２番３号");
    }

    @Test
    void inATennyuTheHeadMayComeWithoutTheOthersAndNoNewHeadIsAskedFor() {
        withoutTheDemoRecords();
        store().moveOuts().applyPage(List.of(family("MO-1", TODAY.plusDays(20))), "m1", 0);
        identify("山田\u3000一郎", "1985-04-01");
        vm.steps().match().confirmMoveOut(vm.steps().match().moveOuts().get(0));
        MoversViewModel movers = vm.steps().plan().movers();
        movers.setMoving("91000000030", true);
        assertThat(movers.needsRemainingHead()).as("the wife stays in the former municipality").isFalse();
        assertThat(movers.consequences()).contains(vm.messages().get("counter.movers.othersStayAway", 2, 1));
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.proposeProcedures();
        assertThat(vm.stepProperty().get()).as(vm.errorProperty().get()).isEqualTo(VisitStep.PROCEDURES);
    }

    @Test
    void anExpiredRecordOrAnotherPersonsIsNotOffered() {
        withoutTheDemoRecords();
        store().moveOuts().applyPage(List.of(family("MO-OLD", TODAY.minusDays(1)), family("MO-2", TODAY)), "m2", 0);
        identify("山田\u3000花子", "1987-06-02");
        assertThat(vm.steps().match().moveOuts()).extracting(MoveOutRecord::recordId).containsExactly("MO-2");
        vm.cancelVisit();

        identify("佐藤\u3000花子", "1987-06-02");
        assertThat(vm.steps().match().moveOuts()).as("same birth date, another name").isEmpty();
        vm.cancelVisit();

        identify("山\u3000田花子", "1987-06-02");
        assertThat(vm.steps().match().moveOuts()).as("spacing aside").hasSize(1);
    }
}
