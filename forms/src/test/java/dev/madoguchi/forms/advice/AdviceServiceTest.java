package dev.madoguchi.forms.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.forms.definition.FormDefinitionException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in advice table against the cases, and the table's own checks. */
class AdviceServiceTest {

    private final AdviceService service = AdviceService.demo();

    private static List<String> ids(Advice advice) {
        return advice.items().stream().map(AdviceItem::id).toList();
    }

    @Test
    void aFineCardGetsOnlyAllFine() {
        Advice advice = service.advise(CheckUps.fine(), Map.of());
        assertThat(ids(advice)).containsExactly("all-fine");
        assertThat(advice.items().get(0).severity()).isEqualTo("ok");
        assertThat(advice.items().get(0).advice().in("ja")).contains("2029年2月17日", "2035年2月17日");
        assertThat(advice.tableVersion()).isEqualTo("1.2.0");
        assertThat(advice.tableSha256()).hasSize(64);
    }

    @Test
    void aLockedAuthPinWithTheSignPasswordKnownGoesToTheConvenienceStore() {
        Advice advice = service.advise(CheckUps.withPin(CheckUps.fine(), "auth-pin", 0),
                Map.of("knowsSignPassword", "yes"));
        assertThat(ids(advice)).containsExactly("auth-pin-locked-store");
        AdviceItem item = advice.items().get(0);
        assertThat(item.place()).map(p -> p.id()).contains("convenience-store");
        assertThat(item.advice().in("ja")).contains("JPKI暗証番号リセット");
        assertThat(item.bring()).extracting(t -> t.in("en")).anyMatch(s -> s.contains("smartphone"));
        assertThat(item.uncertain()).isEmpty();
    }

    @Test
    void aLockedAuthPinWithoutTheSignPasswordGoesToTheCounter() {
        Advice advice = service.advise(CheckUps.withPin(CheckUps.fine(), "auth-pin", 0),
                Map.of("knowsSignPassword", "no"));
        assertThat(ids(advice)).containsExactly("auth-pin-locked-counter");
        assertThat(advice.items().get(0).place()).map(p -> p.id()).contains("card-counter");
    }

    @Test
    void anUnaskedQuestionGivesBothWaysAndSaysWhichAnswerDecides() {
        Advice advice = service.advise(CheckUps.withPin(CheckUps.fine(), "auth-pin", 0), Map.of());
        assertThat(ids(advice)).containsExactly("auth-pin-locked-store", "auth-pin-locked-counter");
        assertThat(advice.items()).allMatch(i -> i.uncertain().equals(List.of("knowsSignPassword")));
    }

    @Test
    void bothJpkiPinsLockedCanOnlyBeResetAtTheCounter() {
        CheckUpFacts facts = CheckUps.withPin(CheckUps.withPin(CheckUps.fine(), "auth-pin", 0), "sign-password", 0);
        assertThat(ids(service.advise(facts, Map.of()))).containsExactly("both-jpki-locked");
    }

    @Test
    void aLockedTextPinGoesToTheCounterWithTheCardAndAnId() {
        Advice advice = service.advise(CheckUps.withPin(CheckUps.fine(), "text-pin", 0), Map.of());
        assertThat(ids(advice)).containsExactly("text-pin-locked");
        AdviceItem item = advice.items().get(0);
        assertThat(item.bring()).extracting(t -> t.in("ja")).containsExactly("マイナンバーカード",
                "本人確認書類（運転免許証、パスポートなど）");
        assertThat(item.place().orElseThrow().name().in("ja")).contains("市民課");
        assertThat(item.place().orElseThrow().hours().in("ja")).contains("8:30");
    }

    @Test
    void aTextPinAtOneTryIsACautionNamingThePin() {
        Advice advice = service.advise(CheckUps.withPin(CheckUps.fine(), "text-pin", 1), Map.of());
        assertThat(ids(advice)).containsExactly("pin-tries-low");
        assertThat(advice.items().get(0).title().in("ja")).contains("券面事項入力補助用暗証番号");
        assertThat(advice.items().get(0).title().in("en")).contains("Card-face text PIN");
    }

    @Test
    void aCertificateInItsRenewalWindowSaysWhenRenewalOpens() {
        Advice advice = service.advise(CheckUps.withCertificate(CheckUps.fine(), LocalDate.of(2022, 2, 10),
                LocalDate.of(2027, 2, 10)), Map.of());
        assertThat(ids(advice)).containsExactly("certificate-renewal-window");
        AdviceItem item = advice.items().get(0);
        assertThat(item.advice().in("ja")).contains("2026年11月10日");
        assertThat(item.advice().in("en")).contains("2026-11-10");
        assertThat(item.title().in("en")).contains("2027-02-10");
        assertThat(item.place()).map(p -> p.id()).contains("card-counter");
    }

    @Test
    void anExpiredCertificateSaysHowLongTheHealthInsuranceCardStillWorks() {
        Advice advice = service.advise(CheckUps.withCertificate(CheckUps.fine(), LocalDate.of(2021, 10, 1),
                LocalDate.of(2026, 10, 1)), Map.of());
        assertThat(ids(advice)).containsExactly("certificate-expired");
        assertThat(advice.items().get(0).advice().in("ja")).contains("2027年1月1日");
    }

    @Test
    void anExpiredCardAndACardInItsRenewalWindow() {
        assertThat(ids(service.advise(CheckUps.withCard(CheckUps.fine(), LocalDate.of(2026, 11, 30)), Map.of())))
                .containsExactly("card-expired");
        assertThat(ids(service.advise(CheckUps.withCard(CheckUps.fine(), LocalDate.of(2027, 1, 31)), Map.of())))
                .containsExactly("card-renewal-window");
    }

    @Test
    void aCardWithoutACertificateIsTold() {
        assertThat(ids(service.advise(CheckUps.withCertificate(CheckUps.fine(), null, null), Map.of())))
                .containsExactly("no-certificate");
    }

    @Test
    void cardsThatAreNoMyNumberCardAreNamedAndNothingElseIsSaid() {
        assertThat(ids(service.advise(CheckUps.notMyNumberCard("residence-card"), Map.of())))
                .containsExactly("residence-card");
        assertThat(ids(service.advise(CheckUps.notMyNumberCard("unknown"), Map.of())))
                .containsExactly("not-a-card-read");
        assertThat(ids(service.advise(CheckUps.notMyNumberCard("juki-card"), Map.of()))).containsExactly("juki-card");
    }

    @Test
    void aPhoneIsNamedAsAPhoneWithItsOwnAdviceAndNothingElseIsSaid() {
        for (String kind : List.of("smartphone-android", "smartphone-iphone")) {
            Advice advice = service.advise(CheckUps.notMyNumberCard(kind), Map.of());
            assertThat(ids(advice)).containsExactly(kind);
            AdviceItem phone = advice.items().get(0);
            assertThat(phone.title().in("ja")).contains("スマートフォン", kind.endsWith("android") ? "Android" : "iPhone");
            // its passwords are its own; it is managed in the マイナポータル app; the card itself is checked by placing it
            assertThat(phone.advice().in("ja")).contains("マイナポータルアプリ", "カードの暗証番号とは別", "マイナンバーカードを読取機に置");
            assertThat(phone.advice().in("en")).contains("Mynaportal", "separate from the card's PINs");
            assertThat(phone.place()).isEmpty();
        }
        assertThatThrownBy(() -> new CheckUpFacts("smartphone", CheckUps.TODAY, List.of(), java.util.Optional.empty(),
                java.util.Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    /** The resident languages the built-in table carries besides ja, やさしい日本語 and en. */
    private static final List<String> RESIDENT_LANGUAGES = List.of("vi", "zh", "ko", "pt");

    @Test
    void everyTextIsInEveryResidentLanguageWithTheSamePlaceholdersAndNoRubyMarkup() {
        AdviceTable table = service.table();
        List<AdviceText> texts = new ArrayList<>();
        table.outcomes().forEach(o -> texts.addAll(o.texts()));
        texts.addAll(table.pins().values());
        texts.addAll(table.labels().values());
        table.questions().forEach(q -> texts.add(q.text()));
        AdvicePlaces.demo().places().forEach(p -> texts.addAll(java.util.stream.Stream.of(p.name(), p.address(),
                p.hours(), p.note()).filter(java.util.Objects::nonNull).toList()));
        java.util.regex.Pattern placeholder = java.util.regex.Pattern.compile("\\$\\{[A-Za-z]+}");
        for (AdviceText text : texts) {
            List<String> expected = placeholder.matcher(text.in("en")).results().map(m -> m.group()).sorted().toList();
            for (String language : RESIDENT_LANGUAGES) {
                assertThat(text.exactly(language)).as("%s in %s", text, language).isPresent();
                String own = text.in(language);
                assertThat(placeholder.matcher(own).results().map(m -> m.group()).sorted().toList())
                        .as("placeholders of %s in %s", text, language).isEqualTo(expected);
                assertThat(placeholder.matcher(own).replaceAll("")).as("%s in %s", text, language)
                        .doesNotContain("{", "}", "|").isNotBlank();
            }
        }
        assertThat(texts).hasSizeGreaterThan(120);
    }

    @Test
    void everyTextHasJapaneseEasyJapaneseWithReadingsAndEnglish() {
        AdviceTable table = service.table();
        List<AdviceText> texts = new ArrayList<>();
        table.outcomes().forEach(o -> texts.addAll(o.texts()));
        texts.addAll(table.pins().values());
        texts.addAll(table.labels().values());
        table.questions().forEach(q -> texts.add(q.text()));
        for (AdviceText text : texts) {
            assertThat(text.has("ja") && text.has("ja-easy") && text.has("en")).as(text.toString()).isTrue();
            String easy = text.in("ja-easy").replaceAll("\\$\\{[A-Za-z]+}", "");
            assertThat(Furigana.plain(easy)).as(easy).doesNotContain("{", "}", "|");
            assertThat(Furigana.reading(easy)).as(easy).doesNotContain("{", "}", "|");
        }
        assertThat(table.outcomes()).allMatch(o -> o.source() != null);
    }

    @Test
    void readAloudSpeaksTheReadingsInEasyJapaneseAndTheShownTextOtherwise() {
        Advice advice = service.advise(CheckUps.withPin(CheckUps.fine(), "text-pin", 0), Map.of());
        String easy = advice.readAloudText("ja-easy");
        assertThat(easy).contains("しやくしょ").doesNotContain("{", "市役所");
        String ja = advice.readAloudText("ja");
        assertThat(ja).contains(advice.items().get(0).title().in("ja"), advice.items().get(0).advice().in("ja"));
    }

    @Test
    void furiganaSegments() {
        assertThat(Furigana.segments("{窓口|まどぐち}へ {行|い}く")).containsExactly(
                new Furigana.Segment("窓口", "まどぐち"), new Furigana.Segment("へ ", null),
                new Furigana.Segment("行", "い"), new Furigana.Segment("く", null));
        assertThat(Furigana.plain("{窓口|まどぐち}へ")).isEqualTo("窓口へ");
        assertThat(Furigana.reading("{窓口|まどぐち}へ")).isEqualTo("まどぐちへ");
    }

    @Test
    void aBrokenTableIsRefusedWithTheReason() {
        String good = new String(readBuiltIn(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AdviceTable.parse("t.json", good.replace("\"fact\": \"pin.text-pin\"",
                "\"fact\": \"pin.txt\"").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FormDefinitionException.class).hasMessageContaining("unknown fact 'pin.txt'");
        assertThatThrownBy(() -> AdviceTable.parse("t.json", good.replace("${cardExpiry}", "${cardExpire}")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FormDefinitionException.class).hasMessageContaining("${cardExpire}");
        assertThatThrownBy(() -> AdviceTable.parse("t.json", good.replace("\"severity\": \"ok\"",
                "\"severity\": \"fine\"").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FormDefinitionException.class).hasMessageContaining("severity");
        assertThatThrownBy(() -> AdviceTable.parse("t.json", good.replace("\"in\": [\n            \"locked\"",
                "\"in\": [\n            \"blocked\"").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FormDefinitionException.class).hasMessageContaining("blocked");
        assertThatThrownBy(() -> AdviceTable.parse("t.json", good.replace("\"sheetTitle\"", "\"title\"")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FormDefinitionException.class).hasMessageContaining("sheetTitle");
    }

    @Test
    void anOutcomeSendingPeopleToAPlaceTheMunicipalityDoesNotListIsRefused() {
        AdvicePlaces onlyStore = AdvicePlaces.parse("places.json", """
                {"version": "x", "places": [{"id": "convenience-store", "name": {"ja": "店"},
                 "address": {"ja": "近く"}, "hours": {"ja": "いつでも"}}]}""".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new AdviceService(AdviceTable.builtIn(), onlyStore))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("card-counter");
    }

    @Test
    void answersAreChecked() {
        assertThatThrownBy(() -> service.advise(CheckUps.fine(), Map.of("knowsPin", "yes")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.advise(CheckUps.fine(), Map.of("knowsAuthPin", "maybe")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] readBuiltIn() {
        try (var in = AdviceTable.class.getResourceAsStream("/dev/madoguchi/forms/advice/volunteer-advice.json")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
