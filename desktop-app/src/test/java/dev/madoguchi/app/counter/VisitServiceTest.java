package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.card.reader.CardIoError;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.forms.rules.LifeEventPlan;
import dev.madoguchi.forms.rules.ProposedProcedure;
import dev.madoguchi.forms.validation.Severity;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditEntry;
import dev.madoguchi.store.cases.CaseRepository;
import dev.madoguchi.store.cases.CounterCase;
import dev.madoguchi.store.register.RegisterResident;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counter's use cases against the real store, the simulated reader with the demo deck and the real forms. */
class VisitServiceTest {

    @TempDir
    Path dir;

    private CounterFixture fixture;
    private VisitService visits;

    @BeforeEach
    void setUp() {
        fixture = new CounterFixture(dir);
        visits = fixture.visits;
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void readsTheCardAndListsTheResidentWithTheSubstituteCharacterFlagged() throws Exception {
        Resident resident = fixture.holderWithSubstituteName();
        fixture.reader.place(resident.id());

        assertThat(visits.pinTriesLeft().triesLeft()).isEqualTo(3);
        ResidentIdentity identity = visits.readWithPin(resident.card().textPin(), false);
        assertThat(identity.name()).isEqualTo(resident.card().nameOnCard());
        assertThat(identity.myNumber()).isNull();

        RegisterMatch match = visits.match(identity);
        assertThat(match.byMyNumber()).isFalse();
        MatchCandidate candidate = match.candidates().stream()
                .filter(c -> c.resident().residentId().equals(resident.id())).findFirst().orElseThrow();
        assertThat(candidate.match(MatchField.NAME)).isEqualTo(FieldMatch.SUBSTITUTE_CHARACTERS);
        assertThat(candidate.comparison(MatchField.NAME).orElseThrow().registerText()).isEqualTo(resident.fullName());
        assertThat(candidate.comparison(MatchField.NAME).orElseThrow().presentedText())
                .isEqualTo(resident.card().nameOnCard());
        assertThat(candidate.match(MatchField.ADDRESS)).isEqualTo(FieldMatch.SAME);
        assertThat(candidate.match(MatchField.BIRTH_DATE)).isEqualTo(FieldMatch.SAME);
        assertThat(candidate.hasFlags()).isTrue();
    }

    @Test
    void withTheMyNumberTheBlindIndexFindsTheResidentFirst() throws Exception {
        Resident resident = fixture.holderWithSubstituteName();
        fixture.reader.place(resident.id());
        ResidentIdentity identity = visits.readWithPin(resident.card().textPin(), true);
        assertThat(identity.myNumber()).isNotNull();

        RegisterMatch match = visits.match(identity);
        assertThat(match.byMyNumber()).isTrue();
        assertThat(match.candidates().get(0).resident().residentId()).isEqualTo(resident.id());
        assertThat(match.candidates().get(0).match(MatchField.MY_NUMBER)).isEqualTo(FieldMatch.SAME);
        try (var audit = new AuditTail(fixture)) {
            assertThat(audit.actions()).contains(AuditAction.READ_RESIDENT);
        }
    }

    @Test
    void aWrongPinCostsExactlyOneTryAndIsNeverRetried() throws Exception {
        Resident resident = fixture.holderWithSubstituteName();
        fixture.reader.place(resident.id());
        String wrong = resident.card().textPin().equals("0000") ? "1111" : "0000";

        assertThatThrownBy(() -> visits.readWithPin(wrong, false)).isInstanceOfSatisfying(CardIoException.class, e -> {
            assertThat(e.error()).isEqualTo(CardIoError.WRONG_PIN);
            assertThat(e.triesLeft()).hasValue(2);
        });
        assertThat(visits.pinTriesLeft().triesLeft()).isEqualTo(2);
        assertThat(visits.readWithPin(resident.card().textPin(), false).birthDate()).isEqualTo(resident.birthDate());
        assertThat(visits.pinTriesLeft().triesLeft()).isEqualTo(3);
    }

    @Test
    void aBlockedCardIsReadWithCollationNumberB() throws Exception {
        Resident blocked = fixture.cardHolder(r -> r.card().textPinTriesLeft() == 0);
        fixture.reader.place(blocked.id());
        assertThat(visits.pinTriesLeft().blocked()).isTrue();
        assertThatThrownBy(() -> visits.readWithPin("1234", false)).isInstanceOfSatisfying(CardIoException.class,
                e -> assertThat(e.error()).isEqualTo(CardIoError.PIN_BLOCKED));

        String collation = dev.madoguchi.card.mynumber.TextCredential.CollationNumberB.of(blocked.birthDate(),
                blocked.card().expiryDate().getYear(), blocked.card().securityCode()).digits();
        ResidentIdentity identity = visits.readWithCollationNumberB(collation, false);
        assertThat(identity.source()).isEqualTo(ResidentIdentity.Source.CARD_COLLATION_NUMBER_B);
        assertThat(visits.match(identity).candidates()).extracting(c -> c.resident().residentId()).contains(blocked.id());
    }

    @Test
    void manualEntryMatchesByKanaAndAFullWidthAddress() {
        Resident resident = fixture.demo.municipality().residents().get(10);
        String fullWidthAddress = toFullWidthDigits(resident.address());
        ResidentIdentity identity = ResidentIdentity.manual("", resident.fullNameKana().replace('\u3000', ' '),
                fullWidthAddress, resident.birthDate());

        MatchCandidate candidate = visits.match(identity).candidates().stream()
                .filter(c -> c.resident().residentId().equals(resident.id())).findFirst().orElseThrow();
        assertThat(candidate.match(MatchField.NAME_KANA).agrees()).isTrue();
        assertThat(candidate.match(MatchField.NAME)).isEqualTo(FieldMatch.NOT_COMPARED);
        assertThat(candidate.match(MatchField.ADDRESS)).isIn(FieldMatch.SAME, FieldMatch.SAME_WHEN_NORMALISED);
        assertThat(candidate.comparison(MatchField.ADDRESS).orElseThrow().presentedText()).isEqualTo(fullWidthAddress);
    }

    @Test
    void nobodyIsListedWhenNameKanaAndAddressAllDiffer() {
        Resident resident = fixture.demo.municipality().residents().get(10);
        ResidentIdentity identity = ResidentIdentity.manual("無関係　花子", "ムカンケイ　ハナコ", "別県別市1-1",
                resident.birthDate());
        assertThat(visits.match(identity).candidates()).extracting(c -> c.resident().residentId())
                .doesNotContain(resident.id());
    }

    @Test
    void tennyuWithAChildPrefillsValidatesPrintsToAFileAndStoresTheCaseWithItsOutboxAndAudit() throws Exception {
        CounterFixture.requireFonts();
        Resident resident = fixture.holderWithSubstituteName();
        fixture.reader.place(resident.id());
        ResidentIdentity identity = visits.readWithPin(resident.card().textPin(), true);
        RegisterResident confirmed = visits.match(identity).candidates().stream()
                .filter(c -> c.resident().residentId().equals(resident.id())).findFirst().orElseThrow().resident();
        List<RegisterResident> household = visits.household(confirmed);

        assertThat(visits.questions("tennyu")).extracting(q -> q.id()).contains("withChildren", "nationalHealthInsurance");
        Map<String, String> answers = new LinkedHashMap<>();
        visits.questions("tennyu").forEach(q -> answers.put(q.id(), "no"));
        answers.put("withChildren", "yes");
        LifeEventPlan plan = visits.plan("tennyu", answers);
        assertThat(plan.procedures()).extracting(ProposedProcedure::id).containsExactly("jumin-ido", "jidou-teate");
        assertThat(plan.procedures().get(1).reason().ja()).isNotBlank();
        assertThat(plan.procedures().get(1).documents()).isNotEmpty();

        List<InterviewItem> items = visits.interviewItems(plan);
        assertThat(items).extracting(InterviewItem::key).contains("notifier", "newAddress", "movedOn", "childName",
                "childBirthDate", "bankAccount");
        Map<String, String> interview = interview();
        List<VisitForm> forms = visits.prepareForms(plan, identity, confirmed, household, interview);
        assertThat(forms).extracting(VisitForm::formId).containsExactly("jumin-ido", "jidou-teate");
        VisitForm ido = forms.get(0);
        assertThat(ido.filled().value("name").orElseThrow().source()).isEqualTo("register.name");
        assertThat(ido.filled().text("name")).isEqualTo(resident.fullName());
        assertThat(ido.filled().value("address").orElseThrow().source()).isEqualTo("interview.newAddress");
        assertThat(ido.filled().discrepancies()).extracting(d -> d.fieldId()).contains("name");
        assertThat(ido.issues()).filteredOn(i -> i.severity() == Severity.ERROR).isEmpty();
        assertThat(forms).allSatisfy(f -> assertThat(f.printable()).as(f.formId() + " " + f.issues()).isTrue());

        VisitForm broken = visits.edit(ido, "nameKana", "abc");
        assertThat(broken.printable()).isFalse();
        assertThat(broken.filled().value("nameKana").orElseThrow().source()).isEqualTo("clerk");
        assertThatThrownBy(() -> visits.render(broken)).isInstanceOfSatisfying(CounterException.class,
                e -> assertThat(e.error()).isEqualTo(CounterError.NOT_PRINTABLE));

        List<PrintOutcome> prints = new ArrayList<>();
        for (VisitForm form : forms) {
            RenderedForm rendered = visits.render(form);
            assertThat(new String(rendered.pdf(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            prints.add(visits.print(rendered, new PrintDestination.Folder(fixture.printFolder)));
        }
        assertThat(prints).allSatisfy(p -> {
            assertThat(p.toFile()).isTrue();
            assertThat(Path.of(p.where())).exists().isRegularFile();
            assertThat(p.where()).doesNotContain(resident.familyName());
        });
        try (var files = Files.list(fixture.printFolder)) {
            assertThat(files.filter(f -> f.toString().endsWith(".pdf")).count()).isEqualTo(2);
        }

        UUID caseId = visits.recordCase(plan, identity, confirmed, forms, prints, null,
                new VisitTimings(CounterFixture.TODAY, plan.event(), false, List.of()));
        LocalStore store = fixture.store.store().orElseThrow();
        CounterCase stored = store.cases().find(caseId).orElseThrow();
        assertThat(stored.residentId()).isEqualTo(resident.id());
        assertThat(stored.lifeEvent()).isEqualTo("tennyu");
        assertThat(stored.formsData()).contains("\"jumin-ido\"", "\"jidou-teate\"", "interview.newAddress");
        assertThat(stored.holdsMyNumber()).as("児童手当 needs the My Number").isTrue();
        assertThat(store.outbox().ofAggregate(CaseRepository.AGGREGATE, caseId.toString())).hasSize(1);
        List<AuditEntry> tail = store.audit().tail(3);
        assertThat(tail).extracting(AuditEntry::action).containsExactly(AuditAction.PRINT, AuditAction.PRINT,
                AuditAction.OPEN_CASE);
        assertThat(tail).allSatisfy(e -> assertThat(e.detail()).doesNotContain(resident.familyName()));
    }

    @Test
    void theMyNumberIsNotStoredWhenNoProcedureNeedsIt() throws Exception {
        Resident resident = fixture.holderWithSubstituteName();
        fixture.reader.place(resident.id());
        ResidentIdentity identity = visits.readWithPin(resident.card().textPin(), true);
        RegisterResident confirmed = visits.match(identity).candidates().get(0).resident();
        Map<String, String> answers = new LinkedHashMap<>();
        visits.questions("tennyu").forEach(q -> answers.put(q.id(), "no"));
        LifeEventPlan plan = visits.plan("tennyu", answers);
        List<VisitForm> forms = visits.prepareForms(plan, identity, confirmed, visits.household(confirmed), interview());
        UUID caseId = visits.recordCase(plan, identity, confirmed, forms, List.of(), null,
                new VisitTimings(CounterFixture.TODAY, plan.event(), false, List.of()));
        assertThat(fixture.store.store().orElseThrow().cases().find(caseId).orElseThrow().holdsMyNumber()).isFalse();
    }

    @Test
    void onAMoveTheNationalHealthInsuranceFormShowsTheNewAddressNotTheRegistersOldOne() throws Exception {
        Resident resident = fixture.holderWithSubstituteName();
        fixture.reader.place(resident.id());
        ResidentIdentity identity = visits.readWithPin(resident.card().textPin(), false);
        RegisterResident confirmed = visits.match(identity).candidates().get(0).resident();
        Map<String, String> answers = new LinkedHashMap<>();
        visits.questions("tenkyo").forEach(q -> answers.put(q.id(), "yes"));
        LifeEventPlan plan = visits.plan("tenkyo", answers);
        List<VisitForm> forms = visits.prepareForms(plan, identity, confirmed, visits.household(confirmed), interview());

        VisitForm kokuho = forms.stream().filter(f -> f.formId().equals("kokuho-ido")).findFirst().orElseThrow();
        assertThat(kokuho.filled().text("address")).isEqualTo("架空県窓口市本町一丁目２番３号")
                .isNotEqualTo(confirmed.address());
        assertThat(kokuho.filled().text("postalCode")).isEqualTo("999-0001");
        assertThat(kokuho.filled().value("postalCode").orElseThrow().source()).isEqualTo("interview.newPostalCode");

        // the new address not asked in the interview but typed on the 住民異動届 in the forms step
        Map<String, String> noAddress = interview();
        noAddress.remove("newAddress");
        List<VisitForm> before = visits.prepareForms(plan, identity, confirmed, visits.household(confirmed), noAddress);
        int ido = before.stream().map(VisitForm::formId).toList().indexOf("jumin-ido");
        int nhi = before.stream().map(VisitForm::formId).toList().indexOf("kokuho-ido");
        assertThat(before.get(nhi).filled().text("address")).as("the register's").isEqualTo(confirmed.address());
        VisitFormsService.SharedEdit edited = visits.editShared(before, ido, "address", "架空県窓口市新町５番");
        assertThat(edited.forms().get(ido).filled().text("address")).isEqualTo("架空県窓口市新町５番");
        assertThat(edited.forms().get(nhi).filled().text("address")).isEqualTo("架空県窓口市新町５番");
        assertThat(edited.edits()).containsExactly(new Visit.FieldEdit("jumin-ido", "address", "架空県窓口市新町５番"),
                new Visit.FieldEdit("kokuho-ido", "address", "架空県窓口市新町５番"));
        // a field the clerk corrected on its own keeps the clerk's text
        List<VisitForm> own = new ArrayList<>(before);
        own.set(nhi, visits.edit(before.get(nhi), "address", "架空県窓口市別町１番"));
        assertThat(visits.editShared(own, ido, "address", "架空県窓口市新町５番").forms().get(nhi).filled()
                .text("address")).isEqualTo("架空県窓口市別町１番");
    }

    @Test
    void withoutASignedInClerkTheStoreStepsAreATypedError() {
        fixture.store.close();
        assertThatThrownBy(() -> visits.match(ResidentIdentity.manual("試験", null, null, java.time.LocalDate.of(1990, 1, 1))))
                .isInstanceOfSatisfying(CounterException.class,
                        e -> assertThat(e.error()).isEqualTo(CounterError.NOT_SIGNED_IN));
    }

    static Map<String, String> interview() {
        Map<String, String> interview = new LinkedHashMap<>();
        interview.put("notifier", "本人");
        interview.put("newAddress", "架空県窓口市本町一丁目２番３号");
        interview.put("newPostalCode", "999-0001");
        interview.put("movedOn", "2026-11-15");
        interview.put("destination", "別県別市一丁目１番１号");
        interview.put("plannedOn", "2026-11-25");
        interview.put("childName", "𠮷田　花");
        interview.put("childNameKana", "ヨシダ　ハナ");
        interview.put("childBirthDate", "2020-04-01");
        interview.put("childSex", "女");
        interview.put("childRelationship", "子");
        interview.put("pension", "厚生年金");
        interview.put("bankAccount", "窓口銀行 本店 普通 1234567");
        return interview;
    }

    static String toFullWidthDigits(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c >= '0' && c <= '9' ? (char) (0xFF10 + c - '0') : (char) c));
        return b.toString();
    }

    /** The newest audit rows of the fixture's store. */
    private static final class AuditTail implements AutoCloseable {
        private final List<AuditEntry> entries;

        AuditTail(CounterFixture fixture) {
            entries = fixture.store.store().orElseThrow().audit().tail(20);
        }

        List<AuditAction> actions() {
            return entries.stream().map(AuditEntry::action).toList();
        }

        @Override
        public void close() {}
    }
}
