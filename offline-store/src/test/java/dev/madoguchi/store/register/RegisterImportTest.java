package dev.madoguchi.store.register;

import static dev.madoguchi.store.TestStores.CLERK;
import static dev.madoguchi.store.TestStores.CLERK_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.DemoMunicipalityCsv;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterImportTest {

    private static final DemoMunicipality DEMO = DemoMunicipality.generate(11, 400);

    @TempDir
    Path dir;

    /** The demo export with a my_number column appended, as a municipality's export would carry it. */
    private static String csvWithMyNumbers() {
        StringWriter out = new StringWriter();
        DemoMunicipalityCsv.write(DEMO, out);
        String[] lines = out.toString().split("\r\n");
        StringBuilder b = new StringBuilder(lines[0]).append(",my_number\r\n");
        for (int i = 1; i < lines.length; i++) {
            b.append(lines[i]).append(',').append(DEMO.residents().get(i - 1).myNumber()).append("\r\n");
        }
        return b.toString();
    }

    @Test
    void importsTheDocumentedCsvWithProgressAndDerivesHouseholds() {
        List<Long> progress = new ArrayList<>();
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            long n = store.register().replaceAll(List.of(), new RegisterCsv(new StringReader(csvWithMyNumbers())),
                    progress::add);
            assertThat(n).isEqualTo(DEMO.residents().size());
            assertThat(store.register().householdCount()).isEqualTo(DEMO.households().size());
        }
        assertThat(progress).last().isEqualTo((long) DEMO.residents().size());
        try (LocalStore store = TestStores.openAs(dir, CLERK, CLERK_PASSPHRASE)) {
            var someone = DEMO.residents().get(123);
            RegisterResident expected = TestStores.resident(someone);
            assertThat(store.register().findByMyNumber(MyNumber.parse(someone.myNumber()))).contains(expected);
            assertThat(store.register().findByResidentCode(someone.residentCode())).contains(expected);
            assertThat(store.register().findByKanaAndBirthDate(someone.familyNameKana(), someone.givenNameKana(),
                    someone.birthDate())).contains(expected);
            var household = DEMO.households().stream().filter(h -> h.id().equals(someone.householdId())).findFirst()
                    .orElseThrow();
            assertThat(store.register().householdMembers(someone.householdId())).extracting(RegisterResident::residentId)
                    .contains(someone.id(), household.headResidentId());
        }
    }

    @Test
    void aBadRowIsReportedByLineAndColumnWithoutItsValueAndNothingIsImported() {
        String csv = csvWithMyNumbers();
        int third = csv.indexOf("\r\n", csv.indexOf("\r\n", csv.indexOf("\r\n") + 2) + 2);
        String secretName = DEMO.residents().get(2).familyName();
        String broken = csv.substring(0, third + 2) + csv.substring(third + 2).replaceFirst(",M,|,F,|,N,", ",X,");
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            store.register().replaceAll(List.of(), new RegisterCsv(new StringReader(csv)), ImportProgress.NONE);
            assertThatThrownBy(() -> store.register().replaceAll(List.of(), new RegisterCsv(new StringReader(broken)),
                    ImportProgress.NONE))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.error()).isEqualTo(StoreError.BAD_INPUT);
                        assertThat(e.getMessage()).contains("line 4").contains("sex").doesNotContain(secretName);
                    });
            assertThat(store.register().residentCount()).isEqualTo(DEMO.residents().size());
        }
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        String csv = "resident_id,household_id,resident_code,relationship,family_name,given_name,family_name_kana,"
                + "given_name_kana,birth_date,sex,postal_code,address\r\n"
                + "R1,H1,12345678901,世帯主,\"山田, \"\"本家\"\"\",\"太\r\n郎\",ヤマダ,タロウ,1980-04-01,M,000-0001,"
                + "架空県窓口市本町１丁目\r\n";
        RegisterCsv rows = new RegisterCsv(new StringReader(csv));
        RegisterEntry only = rows.next();
        assertThat(only.resident().familyName()).isEqualTo("山田, \"本家\"");
        assertThat(only.resident().givenName()).isEqualTo("太\r\n郎");
        assertThat(only.myNumber()).isNull();
        assertThat(rows.hasNext()).isFalse();
    }

    @Test
    void anUnknownColumnOrAnInvalidMyNumberIsRefused() {
        String header = String.join(",", RegisterCsv.REQUIRED);
        assertThatThrownBy(() -> new RegisterCsv(new StringReader(header + ",mynumber\r\n")))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.BAD_INPUT));
        String row = "R1,H1,12345678901,世帯主,山田,太郎,ヤマダ,タロウ,1980-04-01,M,000-0001,住所,123456789012\r\n";
        RegisterCsv rows = new RegisterCsv(new StringReader(header + ",my_number\r\n" + row));
        assertThatThrownBy(rows::next).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.getMessage()).contains("line 2").doesNotContain("123456789012"));
    }
}
