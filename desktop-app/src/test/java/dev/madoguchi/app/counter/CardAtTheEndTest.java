package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.resident.CardNotice;
import dev.madoguchi.app.resident.ResidentViewModel;
import dev.madoguchi.card.watch.ReaderEvent;
import dev.madoguchi.demo.Resident;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The end of a visit: a finished visit's card left on the reader is asked for on both screens, never read as the next
 * visit; a card beside another one is named and not read; the notice that a visit was given up does not stay into
 * the next one.
 */
class CardAtTheEndTest extends StepTestBase {

    @Test
    void theCardLeftOnTheReaderAfterTheVisitIsAskedForAndNotReadAgain() {
        CounterFixture.requireFonts();
        ResidentViewModel resident = new ResidentViewModel(vm.steps());
        Resident holder = fixture.cardHolder(r -> r.card().textPinTriesLeft() == 3
                && r.card().nameOnCard().equals(r.fullName()));
        putCard(holder);
        typePin(holder.card().textPin());
        vm.submitPin();
        vm.confirmCandidate(vm.candidates().stream()
                .filter(c -> c.resident().residentId().equals(holder.id())).findFirst().orElseThrow());
        vm.chooseEvent("tenkyo");
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.proposeProcedures();
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.prepareForms();
        vm.preview();
        vm.print();
        assertThat(vm.stepProperty().get()).as(vm.errorProperty().get()).isEqualTo(VisitStep.DONE);
        assertThat(resident.cardNoticeProperty().get()).as("asked at the end").isEqualTo(CardNotice.TAKE_BACK);

        vm.nextResident();
        tasks.tick();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.WAITING_FOR_CARD);
        assertThat(vm.messageProperty().get()).contains("カードをお返しください");
        assertThat(resident.cardNoticeProperty().get()).isEqualTo(CardNotice.TAKE_BACK);
        assertThat(vm.steps().identify().leftoverCardProperty().get()).isTrue();

        fixture.reader.remove();
        tasks.tick();
        assertThat(resident.cardNoticeProperty().get()).isEqualTo(CardNotice.NONE);
        assertThat(vm.messageProperty().get()).doesNotContain("お返しください");

        putCard(holder);
        assertThat(vm.stepProperty().get()).as("the next card is read").isEqualTo(VisitStep.PIN_ENTRY);
    }

    @Test
    void aCardBesideAnotherIsNamedAndNotRead() {
        ResidentViewModel resident = new ResidentViewModel(vm.steps());
        var identify = vm.steps().identify();
        identify.onReaderEvents(List.of(new ReaderEvent.CardInserted("reader A")));
        identify.onReaderEvents(List.of(new ReaderEvent.CardInserted("reader B")));
        assertThat(identify.secondCardProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("1枚ずつ");
        assertThat(resident.cardNoticeProperty().get()).isEqualTo(CardNotice.SECOND_CARD);

        identify.onReaderEvents(List.of(new ReaderEvent.CardRemoved("reader B")));
        assertThat(identify.secondCardProperty().get()).isFalse();
        assertThat(resident.cardNoticeProperty().get()).isEqualTo(CardNotice.NONE);
    }

    @Test
    void theGivenUpNoticeDoesNotStayIntoTheNextVisit() {
        vm.enterManually();
        vm.manualNameProperty().set("新規\u3000転入");
        vm.manualKanaProperty().set("シンキ　テンニュウ");
        vm.manualBirthDateProperty().set("1990-01-02");
        vm.submitManualEntry();
        assertThat(vm.visit().draftId()).as("a draft is kept from the candidates on").isNotNull();
        vm.cancelVisit();
        assertThat(vm.messageProperty().get()).isEqualTo("中断した受付を破棄しました（記録に残ります）");
        vm.enterManually();
        assertThat(vm.messageProperty().get()).isEmpty();
    }
}
