package dev.madoguchi.forms.qr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.demo.Resident;
import dev.madoguchi.forms.DemoInputs;
import dev.madoguchi.forms.ExternalTools;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.pdf.FormPdfService;
import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.prefill.Prefiller;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printed QR codes read back with zbar (not ZXing) from poppler's rendering (not PDFBox's). */
class PrintedQrTest {

    private static final Instant SIGNED = Instant.parse("2026-11-23T01:02:03Z");

    @TempDir
    Path dir;

    private final TerminalKey key = TerminalKey.generate();

    private Path printed(FilledForm form) throws Exception {
        Path pdf = dir.resolve("form.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new FormPdfService(ExternalTools.fonts(), new QrCodec(), key).render(form, SIGNED, out);
        }
        return pdf;
    }

    private static FilledForm tennyu() {
        Resident r = DemoInputs.cardHolder(n -> n.startsWith("𠮷"));
        return new Prefiller().fill(FormCatalog.builtIn().get("jumin-ido"), "tennyu",
                DemoInputs.input(r, DemoInputs.fullInterview()));
    }

    @Test
    void zbarReadsThePrintedQrCodesAndTheVerifierAcceptsThem() throws Exception {
        ExternalTools.require("pdftoppm", "poppler-utils");
        ExternalTools.require("zbarimg", "zbar-tools");
        FilledForm form = tennyu();
        Path pdf = printed(form);
        ExternalTools.run("pdftoppm", "-r", "200", "-gray", "-png", "-singlefile", pdf.toString(),
                dir.resolve("page").toString());
        String out = ExternalTools.run("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                dir.resolve("page.png").toString());
        // one symbol per line; never strip: Base45 has a space in its alphabet, so a part may end with one
        List<String> parts = Arrays.stream(out.split("\n"))
                .map(s -> s.endsWith("\r") ? s.substring(0, s.length() - 1) : s)
                .filter(s -> !s.isEmpty())
                .toList();
        assertThat(parts).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith(QrCodec.PREFIX));
        QrPayload payload = new QrCodec().verify(parts, List.of(key.trusted("terminal")));
        assertThat(payload.formId()).isEqualTo("jumin-ido");
        assertThat(payload.definitionSha256()).isEqualTo(form.definition().sha256());
        assertThat(payload.variant()).isEqualTo("tennyu");
        assertThat(payload.values().get("movers.1.name")).isEqualTo(form.text("name")).startsWith("𠮷");
        assertThat(payload.values()).hasSize(form.values().size());
    }

    @Test
    void theScannerFindsAndVerifiesThePartsOfAPrintedPdf() throws Exception {
        FilledForm form = tennyu();
        Path pdf = printed(form);
        List<String> parts = new QrScanner().scan(pdf);
        assertThat(parts).isNotEmpty();
        assertThat(new QrCodec().verify(parts, List.of(key.trusted("terminal"))).values().get("movers.1.name"))
                .isEqualTo(form.text("name"));
    }

    @Test
    void aPrintedFormVerifiedWithAnotherTerminalsKeyIsAnUnknownKey() throws Exception {
        Path pdf = printed(tennyu());
        List<String> parts = new QrScanner().scan(pdf);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new QrCodec().verify(parts,
                List.of(TerminalKey.generate().trusted("other"))))
                .isInstanceOfSatisfying(QrVerificationException.class,
                        e -> assertThat(e.error()).isEqualTo(QrError.UNKNOWN_KEY));
    }
}
