package dev.madoguchi.forms.pdf;

import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.qr.QrCodec;
import dev.madoguchi.forms.qr.QrPayload;
import dev.madoguchi.forms.qr.QrSymbols;
import dev.madoguchi.forms.qr.TerminalKey;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/** Prints a filled form with its signed QR code(s): the use case behind "print" and {@code form render}. */
public final class FormPdfService {

    private final FormRenderer renderer;
    private final QrCodec codec;
    private final TerminalKey key;

    public FormPdfService(PdfFonts fonts, QrCodec codec, TerminalKey key) {
        this.renderer = new FormRenderer(fonts);
        this.codec = codec;
        this.key = key;
    }

    /** @param signedAt the signing time written into the payload (the caller's clock) */
    public RenderReport render(FilledForm form, Instant signedAt, OutputStream out) {
        List<String> parts = codec.encode(QrPayload.of(form, signedAt), key);
        return renderer.render(form, QrSymbols.encodeAll(parts), out);
    }
}
