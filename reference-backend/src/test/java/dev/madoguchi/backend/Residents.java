package dev.madoguchi.backend;

import dev.madoguchi.backend.register.RegisterResident;
import dev.madoguchi.domain.Sex;
import java.time.LocalDate;

/** Residents made up for tests. */
final class Residents {

    private Residents() {
    }

    /** Resident number n: id R{n}, code 1000000000n (11 digits), a name with a rare glyph. */
    static RegisterResident resident(int n, String familyName) {
        String id = String.format("R%07d", n);
        String code = String.format("%011d", 10_000_000_000L + n);
        return new RegisterResident(id, code, "H" + n, "世帯主", familyName, "花子", "ヨシダ", "ハナコ",
                LocalDate.of(1990, 1, 1 + n % 28), Sex.FEMALE, "000-0001", "架空県窓口市本町１丁目" + n + "番地　ハイツ１０１",
                LocalDate.of(2020, 4, 1), id, "架空県窓口市本町１丁目" + n + "番地　ハイツ１０１", null, null, null, null, null);
    }

    static RegisterResident foreignResident(int n) {
        String id = String.format("R%07d", n);
        String code = String.format("%011d", 10_000_000_000L + n);
        return new RegisterResident(id, code, "H" + n, "世帯主", "NGUYEN", "VAN AN", "グエン", "ヴァン　アン",
                LocalDate.of(1995, 5, 5), Sex.MALE, "000-0002", "架空県窓口市港町２丁目３番４号", LocalDate.of(2024, 1, 10), id,
                "架空県窓口市港町２丁目３番４号", "ベトナム", "技能実習", LocalDate.of(2027, 1, 9), "AB12345678CD", "中長期在留者");
    }
}
