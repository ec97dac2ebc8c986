package dev.madoguchi.forms.pdf;

import dev.madoguchi.demo.Resident;
import dev.madoguchi.forms.DemoInputs;
import dev.madoguchi.forms.ExternalTools;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.prefill.Prefiller;
import dev.madoguchi.forms.qr.QrCodec;
import dev.madoguchi.forms.qr.TerminalKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Test support: demo forms rendered to files. */
final class Rendering {

    static final Instant SIGNED_AT = Instant.parse("2026-11-23T01:02:03Z");
    static final TerminalKey KEY = TerminalKey.generate();

    private Rendering() {
    }

    static FilledForm demoForm(String formId, String variant, java.util.function.Predicate<String> familyName) {
        Resident r = DemoInputs.cardHolder(familyName);
        return new Prefiller().fill(FormCatalog.builtIn().get(formId), variant,
                DemoInputs.input(r, DemoInputs.fullInterview()));
    }

    static RenderReport renderTo(FilledForm form, Path file) throws IOException {
        FormPdfService service = new FormPdfService(ExternalTools.fonts(), new QrCodec(), KEY);
        try (OutputStream out = Files.newOutputStream(file)) {
            return service.render(form, SIGNED_AT, out);
        }
    }
}
