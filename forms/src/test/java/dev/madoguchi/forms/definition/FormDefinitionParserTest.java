package dev.madoguchi.forms.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormDefinitionParserTest {

    private static final String VALID = """
            {
              "id": "sample",
              "version": "1",
              "title": {"ja": "見本", "en": "Sample"},
              "pages": 1,
              "fields": [
                {
                  "id": "name",
                  "label": {"ja": "氏名", "en": "Name"},
                  "type": "name",
                  "sources": ["register.name"],
                  "box": {"page": 1, "x": 15, "y": 40, "w": 100, "h": 14}
                },
                {
                  "id": "kana",
                  "label": {"ja": "フリガナ", "en": "Furigana"},
                  "type": "kana",
                  "furiganaFor": "name"
                }
              ]
            }
            """;

    private final FormDefinitionParser parser = new FormDefinitionParser();

    private FormDefinition parse(String json) {
        return parser.parse("municipal/sample.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidDefinitionParses() {
        FormDefinition form = parse(VALID);
        assertThat(form.fields()).extracting(FieldDefinition::id).containsExactly("name", "kana");
        assertThat(form.origin()).isEqualTo("municipal/sample.json");
    }

    @Test
    void aJsonSyntaxErrorNamesTheFileAndLine() {
        assertThatThrownBy(() -> parse(VALID.replace("\"pages\": 1,", "\"pages\": 1")))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageStartingWith("municipal/sample.json:6:")
                .satisfies(e -> assertThat(((FormDefinitionException) e).line()).isEqualTo(6));
    }

    @Test
    void aMisspelledPropertyNamesTheFileLineAndProperty() {
        assertThatThrownBy(() -> parse(VALID.replace("\"sources\"", "\"source\"")))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageStartingWith("municipal/sample.json:11:")
                .hasMessageContaining("\"source\"");
    }

    @Test
    void aMissingRequiredPropertyIsNamed() {
        assertThatThrownBy(() -> parse(VALID.replace("\"version\": \"1\",", "")))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageStartingWith("municipal/sample.json:")
                .hasMessageContaining("version");
    }

    @Test
    void anUnknownFieldTypeListsTheKnownTypes() {
        assertThatThrownBy(() -> parse(VALID.replace("\"type\": \"name\"", "\"type\": \"person\"")))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageStartingWith("municipal/sample.json:10:")
                .hasMessageContaining("unknown field type 'person'");
    }

    @Test
    void furiganaForAFieldThatDoesNotExistNamesTheLineOfTheField() {
        assertThatThrownBy(() -> parse(VALID.replace("\"furiganaFor\": \"name\"", "\"furiganaFor\": \"nmae\"")))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessage("municipal/sample.json:15: field 'kana': furiganaFor names a field that does not exist:"
                        + " 'nmae'");
    }

    @Test
    void aBoxOffTheA4PageIsRejected() {
        assertThatThrownBy(() -> parse(VALID.replace("\"x\": 15", "\"x\": 150")))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageStartingWith("municipal/sample.json:8: field 'name': box is not inside an A4 page");
    }

    @Test
    void anUnknownSourceKindIsRejected() {
        assertThatThrownBy(() -> parse(VALID.replace("register.name", "koseki.name")))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageContaining("source 'koseki.name'");
    }

    @Test
    void aFieldIdUsedTwiceIsRejected() {
        assertThatThrownBy(() -> parse(VALID.replace("\"id\": \"kana\"", "\"id\": \"name\"")))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageContaining("field id 'name' is used twice");
    }

    private static final String GROUPED = """
            {
              "id": "sample", "version": "1", "title": {"ja": "見本", "en": "Sample"}, "pages": 1,
              "fields": [{"id": "head", "label": {"ja": "世帯主", "en": "Head"}, "type": "name",
                          "box": {"page": 1, "x": 15, "y": 30, "w": 100, "h": 12}}],
              "groups": [{
                "id": "people", "label": {"ja": "者", "en": "Person"}, "rowsPerSheet": 3, "minRows": 1,
                "rows": {"page": 1, "x": 15, "y": 50, "w": 180, "h": 30},
                "fields": [
                  {"id": "name", "label": {"ja": "氏名", "en": "Name"}, "type": "name", "required": true,
                   "box": {"x": 0, "y": 0, "w": 100, "h": 15}},
                  {"id": "kana", "label": {"ja": "フリガナ", "en": "Furigana"}, "type": "kana", "furiganaFor": "name"}
                ]
              }]
            }
            """;

    @Test
    void aRepeatedGroupParsesWithRowRelativeBoxes() {
        FormDefinition form = parse(GROUPED);
        GroupDefinition people = form.group("people").orElseThrow();
        assertThat(people.rowsPerSheet()).isEqualTo(3);
        assertThat(people.placed(people.field("name").orElseThrow(), 2)).isEqualTo(new Box(1, 15, 110, 100, 15, 0));
        assertThat(people.furiganaOf("name")).map(FieldDefinition::id).contains("kana");
        assertThat(form.fieldFor("people.3.name")).map(FieldDefinition::id).contains("name");
        assertThat(form.fieldFor("name")).map(FieldDefinition::id).contains("name");
        assertThat(people.sheetsFor(0)).isEqualTo(1);
        assertThat(people.sheetsFor(7)).isEqualTo(3);
    }

    @Test
    void aGroupThatDoesNotFitOrWhoseFieldsLeaveTheRowIsRefused() {
        assertThatThrownBy(() -> parse(GROUPED.replace("\"rowsPerSheet\": 3", "\"rowsPerSheet\": 9")))
                .hasMessageContaining("group 'people'").hasMessageContaining("9 rows");
        assertThatThrownBy(() -> parse(GROUPED.replace("\"w\": 100, \"h\": 15", "\"w\": 190, \"h\": 15")))
                .hasMessageContaining("inside the row");
        assertThatThrownBy(() -> parse(GROUPED.replace("{\"x\": 0, \"y\": 0,", "{\"page\": 1, \"x\": 0, \"y\": 0,")))
                .hasMessageContaining("no page");
        assertThatThrownBy(() -> parse(GROUPED.replace("\"id\": \"people\"", "\"id\": \"head\"")))
                .hasMessageContaining("differ from every field id");
        assertThatThrownBy(() -> parse(GROUPED.replace("\"id\": \"name\"", "\"id\": \"na.me\"")))
                .hasMessageContaining("letters, digits");
    }
}
