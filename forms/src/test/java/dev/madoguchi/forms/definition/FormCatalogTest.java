package dev.madoguchi.forms.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormCatalogTest {

    @Test
    void builtInCatalogHoldsEveryFormTheCounterPrints() {
        assertThat(FormCatalog.builtIn().all()).extracting(FormDefinition::id).containsExactlyInAnyOrder(
                "jumin-ido", "juminhyo-seikyu", "inkan-toroku", "kokuho-ido", "jidou-teate", "hinansha-card",
                "risai-shomei", "tenshutsu-shomei");
    }

    @Test
    void eachDefinitionIsIdentifiedByIdVersionAndTheSha256OfItsFile() throws IOException {
        FormDefinition form = FormCatalog.builtIn().get("jumin-ido");
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/dev/madoguchi/forms/definitions/jumin-ido.json")) {
            bytes = in.readAllBytes();
        }
        assertThat(form.version()).isEqualTo("2.2.0");
        assertThat(form.sha256()).isEqualTo(FormDefinitionParser.sha256(bytes)).hasSize(64);
        assertThat(form.stamp()).isEqualTo("jumin-ido v2.2.0 sha256:" + form.sha256().substring(0, 16));
        String hex = form.sha256().substring(0, 16).toUpperCase(java.util.Locale.ROOT);
        assertThat(form.printedMark()).isEqualTo("様式 第2.2.0版・確認コード " + hex.substring(0, 4) + "-"
                + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12));
    }

    @Test
    void aMunicipalityFolderReplacesABuiltInFormWithoutJava(@TempDir Path folder) throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/dev/madoguchi/forms/definitions/inkan-toroku.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(folder.resolve("inkan.json"), json.replace("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"")
                .replace("印鑑登録申請書", "印鑑登録申請書（窓口市）"));
        FormCatalog catalog = FormCatalog.load(folder);
        FormDefinition adapted = catalog.get("inkan-toroku");
        assertThat(adapted.version()).isEqualTo("1.1.0");
        assertThat(adapted.title().ja()).isEqualTo("印鑑登録申請書（窓口市）");
        assertThat(adapted.origin()).endsWith("inkan.json");
        assertThat(adapted.sha256()).isNotEqualTo(FormCatalog.builtIn().get("inkan-toroku").sha256());
        assertThat(catalog.all()).hasSize(8);
    }

    @Test
    void aBrokenFileInTheFolderStopsLoadingWithItsName(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("broken.json"), "{\n  \"id\": \"x\",\n  \"version\": 1.0.0\n}");
        assertThatThrownBy(() -> FormCatalog.load(folder)).isInstanceOf(FormDefinitionException.class)
                .hasMessageContaining("broken.json:3");
    }

    @Test
    void anUnknownFormIdNamesTheKnownOnes() {
        assertThatThrownBy(() -> FormCatalog.builtIn().get("tennyu-todoke"))
                .isInstanceOf(UnknownFormException.class)
                .hasMessageContaining("unknown form 'tennyu-todoke'").hasMessageContaining("jumin-ido");
    }

    @Test
    void theResidenceChangeFormMarksTheLegalItemsOfEachVariant() {
        FormDefinition form = FormCatalog.builtIn().get("jumin-ido");
        assertThat(form.variants()).extracting(Variant::id).containsExactly("tennyu", "tenkyo", "tenshutsu");
        assertThat(legalItems(form, "tennyu")).contains("name", "address", "movedInOn", "previousAddress",
                "relationship", "householdHead", "residentCode", "nationality", "residenceStatus",
                "periodOfStay", "stayExpiry", "residenceCardNumber", "foreignCategory");
        assertThat(legalItems(form, "tenkyo")).contains("name", "address", "movedWithinOn", "previousAddress",
                "relationship", "householdHead", "honseki", "hittousha").doesNotContain("destination");
        assertThat(legalItems(form, "tenshutsu")).contains("name", "destination", "plannedMoveOutOn")
                .doesNotContain("movedInOn", "address");
        assertThat(form.field("movedInOn").orElseThrow().deadlineDays()).isEqualTo(14);
        GroupDefinition movers = form.group("movers").orElseThrow();
        assertThat(movers.rowsPerSheet()).isEqualTo(4);
        assertThat(movers.field("residenceStatus").orElseThrow().requiredIf()).isEqualTo("nationality");
        assertThat(movers.furiganaOf("name")).map(FieldDefinition::id).contains("nameKana");
        assertThat(movers.fields()).extracting(FieldDefinition::id).contains("name", "nameKana", "birthDate", "sex",
                "relationship", "residentCode", "myNumber", "honseki", "hittousha", "nationality", "residenceStatus",
                "periodOfStay", "stayExpiry", "residenceCardNumber", "foreignCategory");
        assertThat(form.fields()).extracting(FieldDefinition::id).contains("notifier", "notifierName",
                "notifierAddress", "notifierRelationship", "signature");
    }

    private static List<String> legalItems(FormDefinition form, String variant) {
        List<FieldDefinition> fields = new java.util.ArrayList<>(form.fieldsOf(variant));
        form.groups().forEach(g -> fields.addAll(g.fieldsOf(variant)));
        return fields.stream().filter(FieldDefinition::isLegalItem).map(FieldDefinition::id).toList();
    }
}
