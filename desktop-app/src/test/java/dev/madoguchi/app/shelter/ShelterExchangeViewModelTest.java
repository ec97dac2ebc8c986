package dev.madoguchi.app.shelter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.shelter.exchange.ExchangeViewModel;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Departure;
import dev.madoguchi.domain.shelter.Destination;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.IdentifiedBy;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.store.audit.AuditAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 交換 tab's view model between two real stores (two demo-store folders, two terminal keys): a file written on
 * one laptop is refused until its fingerprint is confirmed, then imported once (a second import changes nothing),
 * and both laptops end with the same present list; truncated, changed, wrong passphrase, another municipality and a
 * refused laptop show the store's remedy with its code and import nothing.
 */
class ShelterExchangeViewModelTest {

    private static final char[] NONE = new char[0];

    @TempDir
    Path dir;

    ShelterFixture a;
    ShelterFixture b;

    @BeforeEach
    void twoLaptops() throws Exception {
        a = new ShelterFixture(Files.createDirectory(dir.resolve("a")));
        b = new ShelterFixture(Files.createDirectory(dir.resolve("b")));
        for (ShelterFixture f : List.of(a, b)) {
            f.records.saveShelter(new Shelter("S-X", "第一小学校", "", 300, 200, List.of("体育館"), Set.of()));
            f.steps.desk().chooseShelter(f.records.shelters().stream().filter(s -> s.id().equals("S-X"))
                    .findFirst().orElseThrow());
        }
        a.records.checkIn("S-X", arrival("H-A", "PA-1", "髙﨑　𠮷子", "タカサキ　ヨシコ"));
        b.records.checkIn("S-X", arrival("H-B", "PB-1", "山田　一郎", "ヤマダ　イチロウ"));
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private static Arrival arrival(String household, String personId, String name, String kana) {
        return new Arrival(household, Stay.SHELTER, "体育館", List.of(), "", List.of(new Evacuee(personId, name, kana,
                LocalDate.of(1950, 4, 1), Sex.FEMALE, "架空市本町1-1", "", "", IdentifiedBy.MANUAL,
                List.of(new CareFlag(CareKind.ALLERGY, "卵")), "", new Consent(true, false, false))));
    }

    private static char[] pass(String s) {
        return s.toCharArray();
    }

    private Path export(ShelterFixture from, String name) {
        Path file = dir.resolve(name);
        ExchangeViewModel vm = from.steps.exchange();
        vm.export(file, pass("避難所の合言葉 2026"), pass("避難所の合言葉 2026"));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(file).isRegularFile();
        return file;
    }

    private static List<String> present(ShelterFixture f) {
        return f.records.present("S-X").people().stream().map(p -> p.person().personId() + "/" + p.householdId()
                + "/" + p.day() + p.night()).sorted().toList();
    }

    @Test
    void anUnknownLaptopIsTrustedOnlyAfterItsFingerprintIsConfirmedAndASecondImportChangesNothing() {
        ExchangeViewModel from = a.steps.exchange();
        from.shown();
        String fingerprintA = from.fingerprintProperty().get();
        assertThat(fingerprintA).matches("([0-9a-f]{4}-){7}[0-9a-f]{4}");
        Path file = export(a, "a-1.mdgsx");
        assertThat(from.messageProperty().get()).contains(file.toString()).contains(fingerprintA).contains("件の出来事");
        assertThat(a.tasks.lanesUsed()).contains("store-writer:shelter exchange export");

        ExchangeViewModel into = b.steps.exchange();
        char[] typed = pass("避難所の合言葉 2026");
        into.importFile(file, typed);
        assertThat(into.unknownSenderProperty().get()).isNotNull();
        assertThat(into.trustQuestionProperty().get()).contains(fingerprintA).contains("まだ信頼していない端末");
        assertThat(present(b)).as("nothing imported before the staff confirm").hasSize(1);

        into.trustAndImport();
        assertThat(into.errorProperty().get()).isEmpty();
        assertThat(into.unknownSenderProperty().get()).isNull();
        assertThat(new String(typed).replace("\0", "")).as("the passphrase is wiped").isEmpty();
        assertThat(into.messageProperty().get()).contains(fingerprintA).contains("新しい出来事 1 件")
                .as("both demo stores hold the same demo check-ins").contains("食い違い 0 件")
                .contains("この端末を信頼する端末として登録しました");
        assertThat(present(b)).hasSize(2);
        assertThat(b.steps.present().rows()).as("the present list was read again").hasSize(2);
        assertThat(b.store.store().orElseThrow().audit().tail(5)).anyMatch(e -> e.action()
                == AuditAction.SHELTER_TRUST_TERMINAL);

        List<String> before = present(b);
        into.importFile(file, pass("避難所の合言葉 2026"));
        assertThat(into.unknownSenderProperty().get()).as("trusted now: no question").isNull();
        assertThat(into.messageProperty().get()).contains("新しい出来事 0 件").doesNotContain("信頼する端末として登録");
        assertThat(present(b)).isEqualTo(before);

        // the other way round: both laptops hold the same events and the same present list
        Path back = export(b, "b-1.mdgsx");
        a.steps.exchange().importFile(back, pass("避難所の合言葉 2026"));
        a.steps.exchange().trustAndImport();
        assertThat(a.steps.exchange().errorProperty().get()).isEmpty();
        assertThat(present(a)).isEqualTo(present(b)).hasSize(2);
    }

    @Test
    void conflictsAreShownNotDropped() {
        Path first = export(a, "a-1.mdgsx");
        b.steps.exchange().importFile(first, pass("避難所の合言葉 2026"));
        b.steps.exchange().trustAndImport();
        // the same person checked out on both laptops
        a.records.checkOut("S-X", new Departure("PA-1", Destination.HOME, null));
        b.records.checkOut("S-X", new Departure("PA-1", Destination.HOME, null));
        Path second = export(a, "a-2.mdgsx");
        ExchangeViewModel into = b.steps.exchange();
        into.importFile(second, pass("避難所の合言葉 2026"));
        assertThat(into.errorProperty().get()).isEmpty();
        assertThat(into.messageProperty().get()).contains("食い違い 1 件");
        assertThat(into.conflicts()).singleElement().satisfies(line -> assertThat(line).contains("S-X")
                .contains("PA-1").contains("在所していないのに退所"));
    }

    @Test
    void aTruncatedOrChangedFileIsRefusedWithItsRemedyAndNothingIsImported() throws Exception {
        Path file = export(a, "a-1.mdgsx");
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.mdgsx");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Path changed = dir.resolve("changed.mdgsx");
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        Files.write(changed, flipped);
        ExchangeViewModel into = b.steps.exchange();
        List<String> before = present(b);

        into.importFile(truncated, pass("避難所の合言葉 2026"));
        assertThat(into.errorProperty().get()).contains("途中で切れています").contains("STORE-013")
                .doesNotContain("Exception");
        into.importFile(changed, pass("避難所の合言葉 2026"));
        assertThat(into.errorProperty().get()).contains("変更されています").contains("STORE-014");
        assertThat(into.unknownSenderProperty().get()).isNull();
        into.importFile(dir.resolve("nowhere.mdgsx"), pass("避難所の合言葉 2026"));
        assertThat(into.errorProperty().get()).contains("ファイルが見つかりません");
        assertThat(present(b)).isEqualTo(before);
        assertThat(b.store.store().orElseThrow().shelterExchange().trustedTerminals()).isEmpty();
    }

    @Test
    void aRefusedLaptopAWrongPassphraseAndAnotherMunicipalityImportNothing() {
        Path file = export(a, "a-1.mdgsx");
        ExchangeViewModel into = b.steps.exchange();
        List<String> before = present(b);

        into.importFile(file, pass("避難所の合言葉 2026"));
        into.refuseUnknown();
        assertThat(into.errorProperty().get()).contains("まだ信頼していない端末").contains("STORE-015");
        assertThat(into.unknownSenderProperty().get()).isNull();

        into.importFile(file, pass("ちがう合言葉"));
        into.trustAndImport();
        assertThat(into.errorProperty().get()).contains("パスフレーズが違います").contains("STORE-017");
        assertThat(b.store.store().orElseThrow().shelterExchange().trustedTerminals())
                .as("a file that does not open pins nothing").isEmpty();

        b.store.store().orElseThrow().settings().put("municipality.code", "131016");
        into.importFile(file, pass("避難所の合言葉 2026"));
        assertThat(into.unknownSenderProperty().get()).isNull();
        assertThat(into.errorProperty().get()).contains("ほかの自治体").contains("STORE-016");
        assertThat(present(b)).isEqualTo(before);
    }

    @Test
    void theExportNeedsTheSamePassphraseTwiceAWritableFolderAndAMunicipalityCode() throws Exception {
        ExchangeViewModel vm = a.steps.exchange();
        Path file = dir.resolve("a.mdgsx");
        char[] typed = pass("合言葉その一");
        char[] again = pass("合言葉その二");
        vm.export(file, typed, again);
        assertThat(vm.errorProperty().get()).contains("一致しません");
        assertThat(new String(typed) + new String(again)).as("both wiped").matches("\0*");
        vm.export(file, NONE, NONE);
        assertThat(vm.errorProperty().get()).contains("パスフレーズを入力してください");
        vm.export(null, pass("x"), pass("x"));
        assertThat(vm.errorProperty().get()).contains("ファイルを選ぶか入力");
        assertThat(file).doesNotExist();

        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        vm.export(blocker.resolve("a.mdgsx"), pass("x"), pass("x"));
        assertThat(vm.errorProperty().get()).contains("書き込めません").contains("COUNTER-012");

        a.store.store().orElseThrow().settings().put("municipality.code", "");
        vm.export(file, pass("x"), pass("x"));
        assertThat(vm.errorProperty().get()).contains("自治体コードが設定されていません").contains("STORE-018");
        assertThat(file).doesNotExist();
    }

    @Test
    void theDemoStoreHasItsMunicipalityCode() {
        assertThat(a.store.store().orElseThrow().settings().get("municipality.code")).contains("999997");
    }
}
