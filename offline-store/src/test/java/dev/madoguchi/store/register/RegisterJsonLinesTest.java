package dev.madoguchi.store.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.TestStores;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterJsonLinesTest {

    private static final DemoMunicipality DEMO = DemoMunicipality.generate(7, 300);
    private static final String ONE = "{\"resident_id\":\"R1\",\"household_id\":\"H1\",\"resident_code\":\"12345678901\","
            + "\"relationship\":\"世帯主\",\"family_name\":\"𠮷田\",\"given_name\":\"太郎\",\"family_name_kana\":\"ヨシダ\","
            + "\"given_name_kana\":\"タロウ\",\"birth_date\":\"1980-04-01\",\"sex\":\"M\",\"postal_code\":\"000-0001\","
            + "\"address\":\"架空県窓口市本町１丁目\",\"moved_in_on\":null}";

    @TempDir
    Path dir;

    /** The demo municipality as a municipality would export it in JSON lines, with My Numbers. */
    static String demoAsJsonLines(DemoMunicipality m) {
        StringWriter out = new StringWriter();
        JsonFactory json = new JsonFactory();
        try {
            for (Resident r : m.residents()) {
                try (JsonGenerator g = json.createGenerator(out)) {
                    g.writeStartObject();
                    g.writeStringField("resident_id", r.id());
                    g.writeStringField("household_id", r.householdId());
                    g.writeStringField("resident_code", r.residentCode());
                    g.writeStringField("relationship", r.relationship());
                    g.writeStringField("family_name", r.familyName());
                    g.writeStringField("given_name", r.givenName());
                    g.writeStringField("family_name_kana", r.familyNameKana());
                    g.writeStringField("given_name_kana", r.givenNameKana());
                    g.writeStringField("birth_date", r.birthDate().toString());
                    g.writeStringField("sex", switch (r.sex()) {
                        case MALE -> "M";
                        case FEMALE -> "F";
                        case NOT_APPLICABLE -> "N";
                    });
                    g.writeStringField("postal_code", r.postalCode());
                    g.writeStringField("address", r.address());
                    g.writeStringField("moved_in_on", r.movedInOn() == null ? null : r.movedInOn().toString());
                    var f = r.foreignResidency();
                    if (f != null) {
                        g.writeStringField("nationality", f.nationality());
                        g.writeStringField("status_of_residence", f.statusOfResidence());
                        g.writeStringField("period_of_stay_end",
                                f.periodOfStayEnd() == null ? null : f.periodOfStayEnd().toString());
                        g.writeStringField("residence_card_number", f.residenceCardNumber());
                        g.writeStringField("foreign_category", f.category());
                    }
                    g.writeStringField("my_number", r.myNumber());
                    g.writeEndObject();
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static StoreException failure(String text) {
        try {
            RegisterJsonLines rows = new RegisterJsonLines(new StringReader(text));
            while (rows.hasNext()) {
                rows.next();
            }
        } catch (StoreException e) {
            return e;
        }
        throw new AssertionError("no error for the input");
    }

    @Test
    void importsTheDemoMunicipalityFromJsonLinesExactly() {
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            long n = store.register().replaceAll(List.of(),
                    RegisterFormat.JSON_LINES.reader(new StringReader(demoAsJsonLines(DEMO))), ImportProgress.NONE);
            assertThat(n).isEqualTo(DEMO.residents().size());
            assertThat(store.register().householdCount()).isEqualTo(DEMO.households().size());
        }
        try (LocalStore store = TestStores.openAs(dir, TestStores.CLERK, TestStores.CLERK_PASSPHRASE)) {
            for (Resident someone : List.of(DEMO.residents().get(0), DEMO.residents().get(211))) {
                assertThat(store.register().findByMyNumber(MyNumber.parse(someone.myNumber())))
                        .contains(TestStores.resident(someone));
            }
            DEMO.residents().stream().filter(r -> r.foreignResidency() != null).findFirst().ifPresent(foreign ->
                    assertThat(store.register().findResident(foreign.id())).contains(TestStores.resident(foreign)));
        }
    }

    @Test
    void readsOneRecordPerLineSkippingBlankLinesAndKeepsRareCharacters() {
        RegisterJsonLines rows = new RegisterJsonLines(new StringReader("\uFEFF" + ONE + "\n\n"
                + ONE.replace("R1", "R2").replace("12345678901", "12345678902") + "\r\n"));
        RegisterEntry first = rows.next();
        assertThat(first.resident().familyName()).isEqualTo("𠮷田");
        assertThat(first.resident().movedInOn()).isNull();
        assertThat(first.line()).isEqualTo(1);
        assertThat(rows.next().line()).isEqualTo(3);
        assertThat(rows.hasNext()).isFalse();
    }

    @Test
    void aMalformedLineIsReportedWithItsNumber() {
        StoreException e = failure(ONE + "\n{\"resident_id\": \"R2\", \n");
        assertThat(e.error()).isEqualTo(StoreError.BAD_INPUT);
        assertThat(e.getMessage()).contains("line 2").contains("not valid JSON");
        assertThat(failure(ONE + "\n[1, 2]\n").getMessage()).contains("line 2 is not a JSON object");
        assertThat(failure(ONE + " {}\n").getMessage()).contains("line 1 holds more than one JSON value");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedWithoutShowingIt() {
        StoreException number = failure(ONE.replace("\"12345678901\"", "12345678901"));
        assertThat(number.getMessage()).contains("line 1: resident_code is not a string")
                .doesNotContain("12345678901");
        assertThat(failure(ONE.replace("\"1980-04-01\"", "{\"y\":1980}")).getMessage())
                .contains("line 1: birth_date is not a string");
        assertThat(failure(ONE.replace("\"1980-04-01\"", "\"1980/04/01\"")).getMessage())
                .contains("line 1: birth_date is not a date");
        assertThat(failure(ONE.replace("\"M\"", "\"X\"")).getMessage()).contains("sex is not M, F or N");
        assertThat(failure(ONE.replace("\"family_name\"", "\"familyname\"")).getMessage())
                .contains("unknown field 'familyname'");
    }

    @Test
    void aMissingOrEmptyRequiredFieldIsNamed() {
        assertThat(failure(ONE.replace("\"address\":\"架空県窓口市本町１丁目\",", "")).getMessage())
                .contains("line 1: address is missing or empty");
        assertThat(failure(ONE.replace("\"given_name\":\"太郎\"", "\"given_name\":null")).getMessage())
                .contains("line 1: given_name is missing or empty");
        assertThat(failure("\n\n").getMessage()).contains("no resident");
    }

    @Test
    void aDuplicateResidentCodeNamesBothLinesAndLeavesTheEarlierCopy() {
        String jsonl = demoAsJsonLines(DEMO);
        String[] lines = jsonl.split("\n");
        String code9 = DEMO.residents().get(9).residentCode();
        String code40 = DEMO.residents().get(40).residentCode();
        lines[40] = lines[40].replace(code40, code9);
        String broken = String.join("\n", lines) + "\n";
        try (LocalStore store = TestStores.createWithClerks(dir)) {
            store.register().replaceAll(List.of(), new RegisterJsonLines(new StringReader(jsonl)), ImportProgress.NONE);
            assertThatThrownBy(() -> store.register().replaceAll(List.of(),
                    new RegisterJsonLines(new StringReader(broken)), ImportProgress.NONE))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.error()).isEqualTo(StoreError.BAD_INPUT);
                        assertThat(e.getMessage()).contains("line 41: resident_code repeats the one of line 10")
                                .doesNotContain(code9);
                    });
            assertThat(store.register().residentCount()).isEqualTo(DEMO.residents().size());
            assertThat(store.register().findResident(DEMO.residents().get(40).id())).isPresent();
        }
    }

    @Test
    void theFormatFollowsTheExtension() {
        assertThat(RegisterFormat.byExtension(Path.of("a.CSV"))).contains(RegisterFormat.CSV);
        assertThat(RegisterFormat.byExtension(Path.of("a.jsonl"))).contains(RegisterFormat.JSON_LINES);
        assertThat(RegisterFormat.byExtension(Path.of("a.ndjson"))).contains(RegisterFormat.JSON_LINES);
        assertThat(RegisterFormat.byExtension(Path.of("a.txt"))).isEmpty();
    }
}
