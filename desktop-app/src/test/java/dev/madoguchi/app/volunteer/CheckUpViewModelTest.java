package dev.madoguchi.app.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.resident.ResidentLanguage;
import dev.madoguchi.app.resident.ResidentLine;
import dev.madoguchi.app.resident.SelfTestChoice;
import dev.madoguchi.card.mynumber.PinKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The volunteer's check-up through the simulated reader: each card state named on both windows, in plain words. */
class CheckUpViewModelTest {

    @TempDir
    Path dir;

    VolunteerFixture f;

    @BeforeEach
    void setUp() {
        f = new VolunteerFixture(dir.resolve("printed"));
    }

    private List<CheckUpLine> lines() {
        return f.steps.result().lines();
    }

    private CheckUpLine pin(String namePart) {
        return lines().stream().filter(l -> l.name().contains(namePart)).findFirst().orElseThrow();
    }

    private CheckUpLine certificate() {
        return lines().stream().filter(l -> l.name().equals("利用者証明用電子証明書")).findFirst().orElseThrow();
    }

    private List<String> residentTexts() {
        return f.resident.lines().stream().map(ResidentLine::text).toList();
    }

    @Test
    void aCardWithEveryPinAtFullTriesShowsFourPinsTheDatesAndNoAdviceToAct() {
        assertThat(f.steps.session().stepProperty().get()).isEqualTo(CheckUpStep.WELCOME);
        assertThat(f.resident.headlineProperty().get()).contains("読取機に置いてください");
        f.put("full");
        assertThat(f.steps.session().stepProperty().get()).isEqualTo(CheckUpStep.RESULT);
        assertThat(f.steps.result().cardKindProperty().get()).isEqualTo("マイナンバーカード");
        assertThat(lines()).hasSize(6);
        assertThat(lines().subList(0, 4)).allSatisfy(l -> {
            assertThat(l.state()).isEqualTo("ok");
            assertThat(l.meaning()).contains("そのまま使えます");
        });
        assertThat(pin("署名用").value()).isEqualTo("残り 5 回（最大 5 回）");
        assertThat(certificate().value()).isEqualTo("2024年2月17日 から 2029年2月17日 まで");
        assertThat(certificate().meaning()).contains("2028年11月17日");
        assertThat(f.steps.result().advice()).extracting(AdviceLine::title).containsExactly("all fine ja");
        assertThat(f.steps.selfTest().offered()).containsExactly(PinKind.TEXT_PIN, PinKind.AUTH_PIN,
                PinKind.SIGN_PASSWORD, PinKind.RESIDENT_REGISTRY_PIN);
        assertThat(f.resident.headlineProperty().get()).isEqualTo("マイナンバーカードです");
        assertThat(f.resident.choices()).extracting(SelfTestChoice::kind).contains(PinKind.AUTH_PIN);
        assertThat(residentTexts()).contains("電子証明書（利用者証明用）の期限：2029年2月17日", "all fine ja");
        assertThat(f.verifiesWithData()).as("the check-up sends no PIN").isZero();
    }

    @Test
    void aLockedAuthPinIsNamedWithHowToResetItAndIsNeverOfferedForTheSelfTest() {
        f.put("auth-locked");
        CheckUpLine auth = pin("利用者証明用電子証明書の暗証番号");
        assertThat(auth.value()).isEqualTo("残り 0 回（最大 3 回）");
        assertThat(auth.state()).isEqualTo("action");
        assertThat(auth.meaning()).contains("ロックされています", "JPKI暗証番号リセット");
        assertThat(f.steps.result().advice()).extracting(AdviceLine::title).containsExactly("locked auth-pin ja");
        assertThat(f.steps.selfTest().offered()).doesNotContain(PinKind.AUTH_PIN);
        f.steps.selfTest().choose(PinKind.AUTH_PIN);
        assertThat(f.steps.selfTest().chosenProperty().get()).isNull();
        assertThat(residentTexts()).contains("ロックされています", "locked auth-pin ja", "窓口市役所 1階", "・ID");
        assertThat(f.verifiesWithData()).isZero();
    }

    @Test
    void aTextPinAtOneTryIsExplainedAndTheResidentWindowSaysWhyItWillNotAsk() {
        f.put("text-one");
        CheckUpLine text = pin("券面事項入力補助用");
        assertThat(text.value()).isEqualTo("残り 1 回（最大 3 回）");
        assertThat(text.state()).isEqualTo("info");
        assertThat(text.meaning()).contains("あと 1 回間違えるとロック");
        assertThat(f.steps.selfTest().offered()).doesNotContain(PinKind.TEXT_PIN);
        assertThat(residentTexts()).contains("あと 1 回。まちがえた記録があります",
                "まちがえた記録があるので、ここでは確かめません（カードがロックされないためです）");
        f.resident.choose(PinKind.TEXT_PIN);
        assertThat(f.resident.padShownProperty().get()).isFalse();
    }

    @Test
    void anExpiredCertificateAndOneInItsRenewalWindowAreSaidInWords() {
        f.put("expired");
        CheckUpLine expired = certificate();
        assertThat(expired.state()).isEqualTo("action");
        assertThat(expired.meaning()).contains("有効期限が切れています");
        assertThat(residentTexts()).contains("期限が切れています");
        f.takeAway();
        f.put("renewal");
        CheckUpLine renewal = certificate();
        assertThat(renewal.state()).isEqualTo("info");
        assertThat(renewal.meaning()).contains("更新の期間です（2026年10月20日 から）");
        assertThat(residentTexts()).contains("更新の時期です（2026年10月20日から窓口で更新できます）");
    }

    @Test
    void aCardThatIsNoMyNumberCardIsNamedAndNothingElseIsShown() {
        f.put("not-my-number");
        assertThat(f.steps.session().stepProperty().get()).isEqualTo(CheckUpStep.RESULT);
        // something that answers no card's and no phone's application: named as what the program cannot read
        assertThat(f.steps.result().cardKindProperty().get()).startsWith("このプログラムでは読めないカードです")
                .contains("スマートフォンなら", "マイナポータルアプリ");
        assertThat(lines()).isEmpty();
        assertThat(f.steps.selfTest().offered()).isEmpty();
        assertThat(f.resident.headlineProperty().get()).startsWith("このプログラムでは読めないカードです");
    }

    @Test
    void aPhoneIsNamedAsAPhoneWithItsAdviceOnBothWindowsAndNothingElseIsShownOrAsked() {
        f.put("android");
        assertThat(f.steps.session().stepProperty().get()).isEqualTo(CheckUpStep.RESULT);
        assertThat(f.steps.result().cardKindProperty().get()).startsWith("スマートフォン（Android）")
                .contains("マイナポータルアプリ", "カードのものとは別", "カードそのものを置いて");
        assertThat(lines()).isEmpty();
        assertThat(f.steps.selfTest().offered()).as("no self-test on a phone").isEmpty();
        assertThat(f.resident.headlineProperty().get()).startsWith("スマートフォン（Android）")
                .contains("カードの暗証番号とは別");
        assertThat(f.verifiesWithData()).isZero();
        f.takeAway();
        f.put("iphone");
        assertThat(f.steps.result().cardKindProperty().get()).startsWith("スマートフォン（iPhone）");
        f.resident.languageProperty().set(ResidentLanguage.VIETNAMESE);
        assertThat(f.resident.headlineProperty().get()).startsWith("Đây là điện thoại thông minh (iPhone)");
        f.resident.languageProperty().set(ResidentLanguage.PORTUGUESE);
        assertThat(f.resident.headlineProperty().get()).contains("(iPhone)", "Mynaportal");
    }

    @Test
    void aCardPulledMidCheckUpEndsTheSessionAndLeavesNothing() {
        f.pullAtCommand = 5;
        f.put("full");
        assertThat(f.steps.session().stepProperty().get()).isEqualTo(CheckUpStep.WELCOME);
        assertThat(f.steps.session().checkUpProperty().get()).isNull();
        assertThat(lines()).isEmpty();
        assertThat(f.steps.session().errorProperty().get()).isEmpty();
        f.pullAtCommand = -1;
        f.tasks.tick(); // the watcher sees the card gone
        f.put("full");
        assertThat(f.steps.session().stepProperty().get()).isEqualTo(CheckUpStep.RESULT);
    }

    @Test
    void theResidentsSelfTestSendsOneVerifyAndSaysCorrect() {
        f.put("full");
        String pin = VolunteerFixture.fine().authPin();
        f.resident.choose(PinKind.AUTH_PIN);
        assertThat(f.resident.padShownProperty().get()).isTrue();
        assertThat(f.steps.selfTest().volunteerNoteProperty().get()).contains("確かめています")
                .doesNotContain(pin);
        pin.chars().forEach(c -> f.resident.pressDigit(c - '0'));
        assertThat(f.resident.pinDotsProperty().get()).isEqualTo("●●●●");
        f.resident.enterPin();
        assertThat(f.verifiesWithData()).isEqualTo(1);
        assertThat(f.steps.selfTest().holdsNoDigits()).isTrue();
        assertThat(f.resident.detailProperty().get()).isEqualTo("正しい暗証番号です");
        assertThat(f.steps.selfTest().volunteerNoteProperty().get()).contains("正しい暗証番号です");
        assertThat(pin("利用者証明用電子証明書の暗証番号").value()).isEqualTo("残り 3 回（最大 3 回）");
    }

    @Test
    void aWrongPinIsSentOnceAndTheTriesLeftAreShownWithWhatToDo() {
        f.put("full");
        String right = VolunteerFixture.fine().authPin();
        String wrong = right.equals("0000") ? "1111" : "0000";
        f.resident.choose(PinKind.AUTH_PIN);
        wrong.chars().forEach(c -> f.resident.pressDigit(c - '0'));
        f.resident.enterPin();
        f.resident.enterPin(); // a second OK sends nothing: the pad is closed and empty
        assertThat(f.verifiesWithData()).isEqualTo(1);
        assertThat(f.resident.detailProperty().get()).startsWith("違います。あと 2 回です")
                .contains("窓口で相談してください");
        assertThat(pin("利用者証明用電子証明書の暗証番号").value()).isEqualTo("残り 2 回（最大 3 回）");
        assertThat(f.steps.selfTest().offered()).as("not at full tries any more").doesNotContain(PinKind.AUTH_PIN);
    }

    @Test
    void theResidentsLanguageChangesTheirWindowAndTheAdviceButNotTheVolunteers() {
        f.put("auth-locked");
        f.resident.languageProperty().set(ResidentLanguage.ENGLISH);
        assertThat(f.resident.headlineProperty().get()).isEqualTo("This is a My Number Card");
        assertThat(residentTexts()).contains("Locked", "locked auth-pin en");
        assertThat(f.steps.result().advice()).extracting(AdviceLine::title).containsExactly("locked auth-pin ja");
        assertThat(f.steps.session().residentLanguageProperty().get()).isEqualTo("en");
    }

    @Test
    void readAloudSaysWhatTheResidentWindowShowsInItsLanguage() {
        f.put("full");
        f.resident.languageProperty().set(ResidentLanguage.EASY_JAPANESE);
        f.steps.result().readAloud();
        assertThat(f.spoken).hasSize(1);
        assertThat(f.spoken.get(0)).startsWith("ja-easy:まいなんばーかーど です");
    }

    @Test
    void thePrintIsPreviewedThenPrintedToTheCountersDestination() throws Exception {
        f.put("full");
        f.steps.sheet().preview();
        assertThat(f.steps.sheet().previewShownProperty().get()).isTrue();
        assertThat(f.steps.sheet().pages()).hasSize(1);
        f.steps.sheet().print();
        assertThat(f.steps.sheet().previewShownProperty().get()).isFalse();
        assertThat(f.steps.sheet().printedProperty().get()).startsWith("印刷しました：");
        try (var files = Files.list(dir.resolve("printed"))) {
            assertThat(files.toList()).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                    .startsWith("madoguchi-checkup-").endsWith(".pdf"));
        }
    }
}
