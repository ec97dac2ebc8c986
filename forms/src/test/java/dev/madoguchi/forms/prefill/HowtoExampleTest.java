package dev.madoguchi.forms.prefill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.validation.FormValidator;
import dev.madoguchi.forms.validation.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The data file shown in docs/howto/add-a-form.md is valid: the how-to stays true. */
class HowtoExampleTest {

    @Test
    void theHowtosDataExampleFillsTheFormWithoutErrors() throws IOException {
        String howto = Files.readString(Path.of("../docs/howto/add-a-form.md"));
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(howto);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        String data = blocks.stream().filter(b -> b.contains("\"values\"")).findFirst().orElseThrow();
        FormData parsed = FormData.parse("docs/howto/add-a-form.md", data.getBytes(StandardCharsets.UTF_8));
        FilledForm form = parsed.fill(FormCatalog.builtIn().get(parsed.form()));
        assertThat(form.text("name")).isEqualTo("𠮷田　太郎");
        assertThat(new FormValidator().validate(form, LocalDate.of(2026, 11, 23)))
                .filteredOn(i -> i.severity() == Severity.ERROR).isEmpty();
    }
}
