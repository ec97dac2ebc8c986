package dev.madoguchi.demo;

import static dev.madoguchi.demo.Fixtures.DEFAULT;
import static dev.madoguchi.demo.Fixtures.RESIDENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.domain.Sex;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoMunicipalityCsvTest {

    private static final List<String> HEADER = List.of("resident_id", "household_id", "resident_code", "relationship",
            "family_name", "given_name", "family_name_kana", "given_name_kana", "birth_date", "sex", "postal_code",
            "address", "moved_in_on", "nationality", "status_of_residence", "period_of_stay_end",
            "residence_card_number", "foreign_category");

    private static String csv(DemoMunicipality municipality) {
        StringWriter out = new StringWriter();
        DemoMunicipalityCsv.write(municipality, out);
        return out.toString();
    }

    @Test
    void writesTheHeaderAndOneCrlfLinePerResident() {
        String text = csv(DEFAULT);

        assertThat(text.split("\r\n", -1)).hasSize(RESIDENTS.size() + 2);
        assertThat(text).startsWith(String.join(",", HEADER) + "\r\n").endsWith("\r\n");
        assertThat(DemoMunicipalityCsv.COLUMNS).isEqualTo(HEADER);
    }

    @Test
    void rowsParseBackToTheResidentsFields() {
        List<List<String>> rows = parse(csv(DEFAULT));
        Resident foreign = RESIDENTS.stream().filter(Resident::isForeign).findFirst().orElseThrow();
        Resident yoshida = RESIDENTS.stream().filter(r -> r.familyName().startsWith("\uD842\uDFB7")).findFirst()
                .orElseThrow();

        assertThat(rows.get(0)).isEqualTo(HEADER);
        for (Resident resident : List.of(RESIDENTS.get(0), foreign, yoshida, RESIDENTS.get(RESIDENTS.size() - 1))) {
            int index = RESIDENTS.indexOf(resident);
            assertThat(rows.get(index + 1)).isEqualTo(expectedRow(resident));
        }
        assertThat(rows).hasSize(RESIDENTS.size() + 1).allSatisfy(row -> assertThat(row).hasSize(HEADER.size()));
    }

    @Test
    void leavesOutTheMyNumberAndEveryCardSecret() {
        String text = csv(DEFAULT);

        assertThat(text.lines().findFirst().orElseThrow()).doesNotContain("my_number", "pin", "password", "security");
        assertThat(RESIDENTS).allSatisfy(r -> assertThat(text).doesNotContain(r.myNumber()));
        assertThat(DEFAULT.cardHolders()).filteredOn(r -> r.card().signPassword() != null)
                .allSatisfy(r -> assertThat(text).doesNotContain("," + r.card().signPassword()));
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() {
        Resident awkward = new Resident("R1", "00000000001", "537686677188", "H1", "世帯主", "O'NEIL, \"JR\"",
                "ANNE\r\nMARIE", "オニール", "アン", LocalDate.of(1990, 4, 1), Sex.NOT_APPLICABLE, "架空県窓口市本町１丁目１番１号",
                "000-0011", LocalDate.of(2020, 1, 1),
                new ForeignResidency("米国", "永住者", null, "AB12345678CD", "中長期在留者"), null);
        DemoMunicipality municipality = new DemoMunicipality(1L, "999997", "架空県", "窓口市",
                List.of(new Household("H1", "R1", awkward.address(), "000-0011")), List.of(awkward));

        String text = csv(municipality);

        assertThat(text).contains(",\"O'NEIL, \"\"JR\"\"\",\"ANNE\r\nMARIE\",");
        assertThat(parse(text).get(1)).isEqualTo(expectedRow(awkward));
    }

    @Test
    void encodesSupplementaryCharactersAsUtf8() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            DemoMunicipalityCsv.write(DemoMunicipality.generate(DemoMunicipality.DEFAULT_SEED, 40), out);
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\uD842\uDFB7田");
        assertThat(bytes.toByteArray()).containsSequence(0xF0, 0xA0, 0xAE, 0xB7);
    }

    private static List<String> expectedRow(Resident r) {
        ForeignResidency f = r.foreignResidency();
        List<String> row = new ArrayList<>(List.of(r.id(), r.householdId(), r.residentCode(), r.relationship(),
                r.familyName(), r.givenName(), r.familyNameKana(), r.givenNameKana(), r.birthDate().toString(),
                switch (r.sex()) {
                    case MALE -> "M";
                    case FEMALE -> "F";
                    case NOT_APPLICABLE -> "N";
                },
                r.postalCode(), r.address(), r.movedInOn().toString()));
        row.add(f == null ? "" : f.nationality());
        row.add(f == null || f.statusOfResidence() == null ? "" : f.statusOfResidence());
        row.add(f == null || f.periodOfStayEnd() == null ? "" : f.periodOfStayEnd().toString());
        row.add(f == null || f.residenceCardNumber() == null ? "" : f.residenceCardNumber());
        row.add(f == null ? "" : f.category());
        return row;
    }

    /** A small RFC 4180 reader: CRLF between records, quoted fields may hold commas, quotes ("") and line breaks. */
    private static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
            } else if (c == '"') {
                quoted = true;
                i++;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                field.append(c);
                i++;
            }
        }
        assertThat(field).isEmpty();
        assertThat(row).isEmpty();
        return rows;
    }
}
