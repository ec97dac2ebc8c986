package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.madoguchi.app.Main;
import dev.madoguchi.app.setup.RecordedForms;
import dev.madoguchi.app.setup.SetupMarker;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.definition.FormDefinitionException;
import dev.madoguchi.forms.rules.LifeEventPlan;
import dev.madoguchi.forms.rules.LifeEventRules;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forms folder the setup recorded (issue 17) is used: the counter's catalogue offers its definitions — a
 * municipality's 印鑑登録申請書 replaces the built-in one, its own interview item is asked — and {@code madoguchi form
 * list} lists them without {@code --forms-dir}. A folder that holds a broken definition is an error, never the built-in
 * forms instead.
 */
class RecordedFormsFolderTest {

    private static final String TITLE = "印鑑登録申請書（窓口市様式）";

    @TempDir
    Path dir;

    @Test
    void aDefinitionInTheRecordedFolderIsOfferedByTheCountersCatalogueAndByFormList() throws Exception {
        Path data = dir.resolve("data");
        Path store = Files.createDirectories(data.resolve("store"));
        Path forms = Files.createDirectories(dir.resolve("municipality-forms"));
        writeOwnSealForm(forms);
        RecordedForms recorded = new RecordedForms(store);
        VisitFormsService counterForms = new VisitFormsService(recorded, LifeEventRules.builtIn(),
                Map.of("mayor", "窓口市長"), Clock.systemUTC());
        assertThat(counterForms.catalog().get("inkan-toroku").title().ja()).as("nothing recorded: built-in")
                .isEqualTo("印鑑登録申請書");

        Files.writeString(store.resolve(SetupMarker.FILE), "code=131016\nname=千代田区\n"
                + SetupMarker.FORMS_FOLDER + "=" + forms.toAbsolutePath().toString().replace("\\", "\\\\") + "\n",
                StandardCharsets.UTF_8);
        assertThat(counterForms.catalog().get("inkan-toroku").title().ja()).isEqualTo(TITLE);
        assertThat(counterForms.catalog().get("inkan-toroku").version()).isEqualTo("9.1.0");
        LifeEventPlan plan = counterForms.plan("tennyu", Map.of("sealRegistration", "yes"));
        assertThat(counterForms.interviewItems(plan)).extracting(InterviewItem::key).contains("localCheck");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"--data-dir", data.toString(), "form", "list"}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("9.1.0").contains(TITLE);

        Files.writeString(forms.resolve("broken.json"), "{ not json");
        RecordedForms again = new RecordedForms(store);
        assertThatThrownBy(again::get).isInstanceOf(FormDefinitionException.class)
                .hasMessageContaining("broken.json");
    }

    /** The built-in 印鑑登録申請書 as a municipality adapts it: its own title and version and one interview item. */
    private static void writeOwnSealForm(Path forms) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode form;
        try (InputStream in = FormCatalog.class.getResourceAsStream(
                "/dev/madoguchi/forms/definitions/inkan-toroku.json")) {
            form = (ObjectNode) json.readTree(in);
        }
        form.put("version", "9.1.0");
        ((ObjectNode) form.get("title")).put("ja", TITLE);
        ObjectNode field = ((ArrayNode) form.get("fields")).addObject();
        field.put("id", "localCheck");
        field.putObject("label").put("ja", "市の確認欄").put("en", "City check");
        field.put("type", "text");
        field.putArray("sources").add("interview.localCheck");
        field.putObject("box").put("page", 1).put("x", 15).put("y", 130).put("w", 60).put("h", 10);
        Files.writeString(forms.resolve("inkan-toroku.json"), json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(form));
    }
}
