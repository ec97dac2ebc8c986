package dev.madoguchi.store.moveout;

import static dev.madoguchi.store.TestStores.CLERK;
import static dev.madoguchi.store.TestStores.CLERK_PASSPHRASE;
import static dev.madoguchi.store.TestStores.VOLUNTEER;
import static dev.madoguchi.store.TestStores.VOLUNTEER_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditEntry;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pending move-in records in the real encrypted store: a page with its checkpoint, look-up by birth date, purge. */
class MoveOutRepositoryTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path dir;

    static MoveOutRecord family(String id, LocalDate validUntil) {
        return new MoveOutRecord(id, "別県別市", "別県別市中町一丁目２番３号", "山田\u3000一郎", LocalDate.of(2026, 11, 10),
                validUntil, List.of(
                        new MoveOutMember("12345678903", "山田", "一郎", "ヤマダ", "イチロウ", LocalDate.of(1985, 4, 1),
                                Sex.MALE, "世帯主", null),
                        new MoveOutMember("10000000006", "山田", "花子", "ヤマダ", "ハナコ", LocalDate.of(1987, 6, 2),
                                Sex.FEMALE, "妻", null),
                        new MoveOutMember("00000000060", "山田", "太郎", "ヤマダ", "タロウ", LocalDate.of(2016, 9, 3),
                                Sex.MALE, "子", null)));
    }

    @Test
    void aPageIsStoredWithItsCheckpointAndAPageAppliedAgainChangesNothing() throws Exception {
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            MoveOutRepository moveOuts = store.moveOuts();
            assertThat(moveOuts.checkpoint()).isEmpty();
            moveOuts.applyPage(List.of(family("MO-1", TODAY.plusDays(20))), "m1", 2);
            moveOuts.applyPage(List.of(family("MO-1", TODAY.plusDays(20))), "m1", 0);

            assertThat(moveOuts.checkpoint()).contains("m1");
            List<MoveOutRecord> found = moveOuts.withMemberBornOn(LocalDate.of(2016, 9, 3), TODAY);
            assertThat(found).singleElement().satisfies(r -> {
                assertThat(r).isEqualTo(family("MO-1", TODAY.plusDays(20)));
                assertThat(r.members()).extracting(MoveOutMember::relationship).containsExactly("世帯主", "妻", "子");
            });
            assertThat(moveOuts.withMemberBornOn(LocalDate.of(2016, 9, 4), TODAY)).isEmpty();
            assertThat(moveOuts.find("MO-1", TODAY)).isPresent();
            List<AuditEntry> tail = store.audit().tail(6);
            assertThat(tail).extracting(AuditEntry::detail).contains("move-out records 1, refused 2",
                    "move-out record read for a move-in");
            assertThat(tail).allSatisfy(e -> assertThat(e.detail()).doesNotContain("山田"));
            assertThat(tail).filteredOn(e -> e.action() == AuditAction.READ_RESIDENT)
                    .extracting(AuditEntry::subject).containsOnly("MO-1");
        }
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).anyMatch(f -> contains(f, "別県別市中町"))).as("encrypted")
                    .isFalse();
        }
    }

    @Test
    void recordsKeptOutsideAPullReplaceByIdAndLeaveTheCheckpointAlone() {
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            store.moveOuts().applyPage(List.of(family("MO-1", TODAY)), "m7", 0);
            store.moveOuts().keep(List.of(family("MO-DEMO", TODAY.plusDays(3))), "demo");
            store.moveOuts().keep(List.of(family("MO-DEMO", TODAY.plusDays(30))), "demo");
            assertThat(store.moveOuts().checkpoint()).contains("m7");
            assertThat(store.moveOuts().find("MO-DEMO", TODAY)).get().extracting(MoveOutRecord::validUntil)
                    .isEqualTo(TODAY.plusDays(30));
            assertThat(store.audit().tail(3)).extracting(AuditEntry::detail).contains("move-out records 1 (demo)");
        }
        try (LocalStore store = TestStores.openAs(dir, VOLUNTEER, VOLUNTEER_PASSPHRASE)) {
            assertThatThrownBy(() -> store.moveOuts().keep(List.of(family("MO-X", TODAY)), "demo"))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error())
                            .isEqualTo(StoreError.NOT_PERMITTED));
        }
    }

    @Test
    void anExpiredRecordIsNeverFoundAndIsPurged() {
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            store.moveOuts().applyPage(List.of(family("MO-OLD", TODAY.minusDays(1)), family("MO-NEW", TODAY)), "m2",
                    0);
            assertThat(store.moveOuts().withMemberBornOn(LocalDate.of(1985, 4, 1), TODAY))
                    .extracting(MoveOutRecord::recordId).containsExactly("MO-NEW");
            assertThat(store.moveOuts().find("MO-OLD", TODAY)).isEmpty();
            assertThat(store.moveOuts().purgeExpired(TODAY)).isEqualTo(1);
            assertThat(store.moveOuts().purgeExpired(TODAY)).isZero();
            assertThat(store.moveOuts().find("MO-NEW", TODAY)).isPresent();
        }
    }

    @Test
    void aPageNeedsACheckpointAndARoleWithoutSyncCannotStoreOne() {
        TestStores.createWithClerks(dir).close();
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            assertThatThrownBy(() -> store.moveOuts().applyPage(List.of(family("MO-1", TODAY)), "", 0))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error())
                            .isEqualTo(StoreError.BAD_INPUT));
            assertThat(store.moveOuts().find("MO-1", TODAY)).as("nothing stored").isEmpty();
        }
        try (LocalStore store = TestStores.openAs(dir, VOLUNTEER, VOLUNTEER_PASSPHRASE)) {
            assertThatThrownBy(() -> store.moveOuts().withMemberBornOn(TODAY, TODAY))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error())
                            .isEqualTo(StoreError.NOT_PERMITTED));
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8).contains(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
