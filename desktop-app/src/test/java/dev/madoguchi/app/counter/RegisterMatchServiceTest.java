package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.register.ImportProgress;
import dev.madoguchi.store.register.RegisterEntry;
import dev.madoguchi.store.register.RegisterResident;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two residents with the same name and birth date: both are listed, neither is chosen. */
class RegisterMatchServiceTest {

    private static final LocalDate BORN = LocalDate.of(1985, 6, 1);

    @TempDir
    Path dir;

    @Test
    void sameNameAndBirthDateIsAmbiguousAndBothAreShownWithWhatMatched() {
        try (LocalStore store = LocalStore.create(dir, new Clerk("admin", "管理者", Role.ADMINISTRATOR),
                "admin passphrase".toCharArray(), CounterFixture.OPTIONS)) {
            store.register().replaceAll(List.of(), List.of(
                    new RegisterEntry(resident("R1", "H1", "窓口市本町１番"), MyNumber.fromFirstElevenDigits("12345678901")),
                    new RegisterEntry(resident("R2", "H2", "窓口市北町２番"), MyNumber.fromFirstElevenDigits("12345678902")))
                    .iterator(), ImportProgress.NONE);

            RegisterMatch match = new RegisterMatchService().find(store.register(),
                    ResidentIdentity.manual("山田\u3000太郎", null, "窓口市北町2番", BORN));
            assertThat(match.ambiguous()).isTrue();
            assertThat(match.candidates()).extracting(c -> c.resident().residentId()).containsExactly("R2", "R1");
            assertThat(match.candidates().get(0).match(MatchField.ADDRESS)).isEqualTo(FieldMatch.SAME_WHEN_NORMALISED);
            assertThat(match.candidates().get(1).match(MatchField.ADDRESS)).isEqualTo(FieldMatch.DIFFERENT);
            assertThat(match.candidates()).allSatisfy(c -> assertThat(c.match(MatchField.NAME)).isEqualTo(FieldMatch.SAME));

            RegisterMatch byNumber = new RegisterMatchService().find(store.register(), new ResidentIdentity(
                    ResidentIdentity.Source.CARD_PIN, "山田\u3000太郎", null, "窓口市本町１番", BORN, Sex.MALE,
                    MyNumber.fromFirstElevenDigits("12345678901")));
            assertThat(byNumber.byMyNumber()).isTrue();
            assertThat(byNumber.candidates()).extracting(c -> c.resident().residentId()).containsExactly("R1", "R2");
            assertThat(byNumber.candidates().get(1).match(MatchField.MY_NUMBER)).isEqualTo(FieldMatch.DIFFERENT);
            assertThat(byNumber.ambiguous()).as("the other 山田太郎 is still shown").isTrue();
        }
    }

    private static RegisterResident resident(String id, String household, String address) {
        return new RegisterResident(id, household, "0000000000" + id.charAt(1), "世帯主", "山田", "太郎", "ヤマダ", "タロウ",
                BORN, Sex.MALE, "999-0001", address, LocalDate.of(2000, 1, 1), null, null, null, null, null);
    }
}
