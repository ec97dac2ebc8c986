package dev.madoguchi.app.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.checkup.CheckUpAdviceService;
import dev.madoguchi.app.resident.ResidentLanguage;
import dev.madoguchi.app.resident.ResidentLine;
import dev.madoguchi.app.resident.ResidentQuestion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The advice table's yes/no questions are asked (docs/volunteer-mode.md): shown on the volunteer's result and on the
 * resident's window in the resident's language, answered on either, and the advice is made again — each path of the
 * table's two questions, with the real table.
 */
class QuestionsTest {

    private static final String STORE_AUTH = "利用者証明用の暗証番号がロックされています：コンビニで再設定できます";
    private static final String COUNTER_AUTH = "利用者証明用の暗証番号がロックされています：窓口で再設定します";
    private static final String STORE_SIGN = "署名用パスワードがロックされています：コンビニで再設定できます";
    private static final String COUNTER_SIGN = "署名用パスワードがロックされています：窓口で再設定します";

    @TempDir
    Path dir;

    VolunteerFixture f;

    @BeforeEach
    void setUp() {
        f = new VolunteerFixture(dir.resolve("printed"), new CheckUpAdvisor(CheckUpAdviceService.demo()));
    }

    private List<String> titles() {
        return f.steps.result().advice().stream().map(AdviceLine::title).toList();
    }

    private List<String> residentTexts() {
        return f.resident.lines().stream().map(ResidentLine::text).toList();
    }

    @Test
    void aCardWhoseAdviceNeedsNoAnswerAsksNothing() {
        f.put("full");
        assertThat(f.steps.result().questions()).isEmpty();
        assertThat(f.resident.questions()).isEmpty();
        f.steps.result().answer("knowsSignPassword", "yes"); // nothing to answer: kept for the session only
        assertThat(f.steps.result().questions()).isEmpty();
    }

    @Test
    void unansweredTheLockedAuthPinShowsBothWaysAndAsksAboutTheSignPasswordOnBothWindows() {
        f.put("auth-locked");
        assertThat(f.steps.result().questions()).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("knowsSignPassword");
            assertThat(q.text()).isEqualTo("署名用電子証明書のパスワード（6〜16桁の英数字）を覚えていますか");
            assertThat(q.answer()).isEmpty();
        });
        assertThat(titles()).contains(STORE_AUTH, COUNTER_AUTH);
        assertThat(f.resident.questions()).singleElement().satisfies(q -> {
            assertThat(q.text()).isEqualTo("署名用のパスワード（6〜16文字）を覚えていますか");
            assertThat(q.ruby()).startsWith("しょめいようの");
            assertThat(q.yesText()).isEqualTo("はい");
            assertThat(q.answer()).isEmpty();
        });
        assertThat(f.steps.session().residentTextProperty().get()).contains("しょめいようの ぱすわーど");
    }

    @Test
    void theVolunteerEntersYesAndBothWindowsSendTheResidentToTheConvenienceStore() {
        f.put("auth-locked");
        f.steps.result().answer("knowsSignPassword", AdviceQuestion.YES);
        assertThat(titles()).contains(STORE_AUTH).doesNotContain(COUNTER_AUTH);
        assertThat(f.steps.result().questions()).extracting(AdviceQuestion::answer).containsExactly("yes");
        assertThat(residentTexts()).contains(STORE_AUTH).doesNotContain(COUNTER_AUTH);
        assertThat(f.resident.questions()).extracting(ResidentQuestion::answer).containsExactly("yes");
    }

    @Test
    void theResidentAnswersNoOnTheirWindowInTheirLanguageAndIsSentToTheCounter() {
        f.put("auth-locked");
        f.resident.languageProperty().set(ResidentLanguage.KOREAN);
        assertThat(f.resident.questions()).singleElement().satisfies(q -> {
            assertThat(q.text()).isEqualTo("서명용 비밀번호(영문자와 숫자 6~16자)를 기억하십니까?");
            assertThat(q.noText()).isEqualTo("아니요");
            assertThat(q.ruby()).isEmpty();
        });
        f.resident.answer("knowsSignPassword", "no");
        assertThat(titles()).contains(COUNTER_AUTH).doesNotContain(STORE_AUTH);
        assertThat(f.steps.result().questions()).extracting(AdviceQuestion::answer).containsExactly("no");
        assertThat(f.resident.questions()).extracting(ResidentQuestion::answer).containsExactly("no");
        // the resident's advice is in their language (the table has Korean since version 1.2.0)
        assertThat(residentTexts()).contains("이용자 증명용 비밀번호가 잠겼습니다: 창구에서 다시 설정합니다")
                .doesNotContain("이용자 증명용 비밀번호가 잠겼습니다: 편의점에서 다시 설정할 수 있습니다")
                .noneMatch(t -> t.startsWith("The user-authentication PIN is locked"));
        f.resident.answer("knowsSignPassword", "yes"); // a changed answer changes the advice again
        assertThat(titles()).contains(STORE_AUTH).doesNotContain(COUNTER_AUTH);
    }

    @Test
    void aLockedSignPasswordAsksAboutTheAuthPinAndEachAnswerPicksItsPlace() {
        f.put("sign-locked");
        assertThat(f.steps.result().questions()).extracting(AdviceQuestion::id).containsExactly("knowsAuthPin");
        assertThat(titles()).contains(STORE_SIGN, COUNTER_SIGN);
        f.resident.languageProperty().set(ResidentLanguage.ENGLISH);
        assertThat(f.resident.questions()).extracting(ResidentQuestion::text)
                .containsExactly("Do you remember your 4-digit PIN for identity verification?");
        f.resident.answer("knowsAuthPin", "yes");
        assertThat(titles()).contains(STORE_SIGN).doesNotContain(COUNTER_SIGN);
        f.steps.result().answer("knowsAuthPin", "no");
        assertThat(titles()).contains(COUNTER_SIGN).doesNotContain(STORE_SIGN);
        assertThat(residentTexts()).contains("The signature password is locked: reset it at the counter");
    }

    @Test
    void anAnswerIsNotKeptBeyondTheSession() {
        f.put("auth-locked");
        f.steps.result().answer("knowsSignPassword", "yes");
        f.takeAway();
        assertThat(f.steps.session().answers()).isEmpty();
        assertThat(f.steps.result().questions()).isEmpty();
        assertThat(f.resident.questions()).isEmpty();
        f.put("auth-locked");
        assertThat(f.steps.result().questions()).extracting(AdviceQuestion::answer).containsExactly("");
        assertThat(titles()).contains(STORE_AUTH, COUNTER_AUTH);
        f.steps.result().answer("knowsSignPassword", "maybe"); // only yes or no
        assertThat(f.steps.session().answers()).isEmpty();
    }

    @Test
    void aSelfTestHeadlineHasItsRubyOnlyInALanguageWithRuby() {
        f.put("full");
        f.resident.languageProperty().set(ResidentLanguage.KOREAN);
        f.resident.choose(dev.madoguchi.card.mynumber.PinKind.AUTH_PIN);
        assertThat(f.resident.headlineProperty().get()).contains("：");
        assertThat(f.resident.headlineRubyProperty().get()).as("no lone 「：」 above a Korean headline").isEmpty();
        f.resident.languageProperty().set(ResidentLanguage.JAPANESE);
        assertThat(f.resident.headlineRubyProperty().get()).contains("：").hasSizeGreaterThan(2);
        f.resident.cancel();
    }
}
