package dev.madoguchi.app.resident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.CounterTestAccess;
import dev.madoguchi.app.counter.VisitStep;
import dev.madoguchi.app.counter.plan.PlanViewModel.SetAsideReason;
import dev.madoguchi.app.counter.screen.CounterSteps;
import dev.madoguchi.demo.Resident;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resident's screen follows the visit, in the resident's language, and never shows the clerk's screens. */
class ResidentViewModelTest {

    @TempDir
    Path dir;

    private CounterTestAccess counter;
    private CounterSteps visit;
    private ResidentViewModel resident;

    @BeforeEach
    void setUp() {
        counter = new CounterTestAccess(dir);
        visit = counter.viewModel();
        resident = new ResidentViewModel(visit);
    }

    @AfterEach
    void tearDown() {
        counter.close();
    }

    @Test
    void greetsThenShowsTheTriesLeftBeforeEntryAndTheRemainingTriesAfterAWrongPin() {
        assertThat(resident.headlineProperty().get()).startsWith("ようこそ");
        assertThat(resident.headlineRubyProperty().get()).contains("よみとりき");
        assertThat(resident.pinPadShownProperty().get()).isFalse();

        Resident r = counter.holderWithSubstituteName();
        counter.putCard(r);
        assertThat(resident.pinPadShownProperty().get()).isTrue();
        assertThat(resident.detailProperty().get()).isEqualTo("あと 3 回まちがえると、ロックされます");
        assertThat(resident.pinDotsProperty().get()).isEqualTo("○○○○");

        String wrong = r.card().textPin().equals("0000") ? "1111" : "0000";
        wrong.chars().forEach(c -> resident.pressDigit(c - '0'));
        assertThat(resident.pinDotsProperty().get()).isEqualTo("●●●●");
        assertThat(resident.pinDotsTextProperty().get()).isEqualTo("4 けた入力しました");
        resident.enterPin();
        assertThat(resident.detailProperty().get()).isEqualTo("暗証番号が違います。あと 2 回です");
        assertThat(resident.pinDotsProperty().get()).isEqualTo("○○○○");

        resident.languageProperty().set(ResidentLanguage.ENGLISH);
        assertThat(resident.detailProperty().get()).isEqualTo("Wrong PIN. 2 tries left");
        assertThat(resident.detailRubyProperty().get()).isEmpty();
        resident.languageProperty().set(ResidentLanguage.VIETNAMESE);
        assertThat(resident.headlineProperty().get()).contains("PIN");

        r.card().textPin().chars().forEach(c -> resident.pressDigit(c - '0'));
        resident.enterPin();
        assertThat(visit.stepProperty().get()).isEqualTo(VisitStep.CANDIDATES);
        assertThat(resident.pinPadShownProperty().get()).isFalse();
        assertThat(resident.lines()).as("the register candidates are the clerk's, never shown here").isEmpty();
        resident.languageProperty().set(ResidentLanguage.JAPANESE);
        assertThat(resident.headlineProperty().get()).contains("お待ちください");
    }

    @Test
    void showsTheFormsToCheckAndWhatToBringThenNothingForTheNextResident() {
        Resident r = counter.holderWithSubstituteName();
        counter.runToForms(r);
        assertThat(resident.headlineProperty().get()).contains("届出書の内容をご確認ください");
        assertThat(resident.lines()).extracting(ResidentLine::text).contains("住民異動届", "氏名：" + r.fullName(),
                "お持ちいただくもの");
        resident.languageProperty().set(ResidentLanguage.ENGLISH);
        assertThat(resident.lines()).extracting(ResidentLine::text).contains("Please bring");

        counter.cancel();
        assertThat(resident.lines()).isEmpty();
        assertThat(resident.headlineProperty().get()).as("the card is still on the reader")
                .startsWith("Please take your card back");
        counter.takeCardAway();
        assertThat(resident.headlineProperty().get()).startsWith("Welcome");
    }

    @Test
    void aProcedureTheClerkSetsAsideIsNotShownToTheResidentNorWhatItNeeds() {
        counter.runToProcedures(counter.holderWithSubstituteName());
        assertThat(resident.lines()).extracting(ResidentLine::text)
                .contains("児童手当 認定請求書", "請求者名義の預金通帳またはキャッシュカード");

        visit.plan().setAside("jidou-teate", SetAsideReason.LATER);
        assertThat(resident.lines()).extracting(ResidentLine::text)
                .contains("住民異動届（転出届）")
                .doesNotContain("児童手当 認定請求書", "請求者名義の預金通帳またはキャッシュカード");

        visit.plan().takeBack("jidou-teate");
        assertThat(resident.lines()).extracting(ResidentLine::text).contains("児童手当 認定請求書");
    }

    @Test
    void theCardNoticesSpeakOverTheStepInTheResidentsLanguage() {
        resident.cardNoticeProperty().set(CardNotice.TAKE_BACK);
        assertThat(resident.headlineProperty().get()).isEqualTo("カードをお取りください。お忘れのないようにお願いします");
        assertThat(resident.headlineRubyProperty().get()).startsWith("かーどを");
        resident.languageProperty().set(ResidentLanguage.ENGLISH);
        assertThat(resident.headlineProperty().get()).isEqualTo("Please take your card back. Don't forget it");

        resident.cardNoticeProperty().set(CardNotice.SECOND_CARD);
        assertThat(resident.headlineProperty().get()).startsWith("Welcome");
        assertThat(resident.detailProperty().get()).startsWith("Only one card at a time");
        resident.cardNoticeProperty().set(CardNotice.NONE);
        assertThat(resident.detailProperty().get()).isEmpty();
    }

    @Test
    void backspaceTakesTheLastDigitBack() {
        counter.putCard(counter.holderWithSubstituteName());
        resident.pressDigit(1);
        resident.pressDigit(2);
        resident.deleteDigit();
        assertThat(resident.pinDotsProperty().get()).isEqualTo("●○○○");
        resident.deleteDigit();
        resident.deleteDigit();
        assertThat(resident.pinDotsProperty().get()).isEqualTo("○○○○");
    }
}
