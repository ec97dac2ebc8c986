package dev.madoguchi.app.cli;

import dev.madoguchi.forms.qr.QrCodec;
import dev.madoguchi.forms.qr.QrError;
import dev.madoguchi.forms.qr.QrPayload;
import dev.madoguchi.forms.qr.QrScanner;
import dev.madoguchi.forms.qr.QrVerificationException;
import dev.madoguchi.forms.qr.TerminalKey;
import dev.madoguchi.forms.qr.TrustedKey;
import dev.madoguchi.forms.qr.TrustedKeysFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code madoguchi qr}: verifying the signed QR codes of printed forms, and this terminal's public key. */
@Command(name = "qr",
        mixinStandardHelpOptions = true,
        description = "Signed QR codes of printed forms (docs/adr/0008-signed-qr-payload.md).",
        subcommands = {QrCommand.Verify.class, QrCommand.PublicKey.class})
public final class QrCommand extends GroupCommand {

    @ParentCommand
    MadoguchiCommand top;

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Reads the QR codes of a PDF or an image, verifies the signature and prints the payload as",
                "JSON; or prints why verification failed (exit code 1)."})
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        QrCommand qr;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A PDF or an image (PNG, JPEG …).")
        Path file;

        @Option(names = "--key", paramLabel = "PUBLIC.pem",
                description = "A trusted terminal public key (repeatable). Default: this terminal's own key.")
        List<Path> keys = new ArrayList<>();

        @Option(names = "--trusted", paramLabel = "KEYS.json",
                description = "A terminal's public keys with their validity periods ('keys export-public'; repeatable).")
        List<Path> trustedFiles = new ArrayList<>();

        @Option(names = "--key-not-after", paramLabel = "INSTANT",
                description = "Reject payloads signed after this instant (ISO-8601, e.g. 2027-03-31T23:59:59Z).")
        Instant notAfter;

        @Override
        public Integer call() throws IOException, QrVerificationException {
            PrintWriter out = spec.commandLine().getOut();
            List<TrustedKey> trusted = new ArrayList<>();
            for (Path key : keys) {
                trusted.add(TrustedKey.of(key.getFileName().toString(),
                        TerminalKey.readPublicKey(Files.readString(key, StandardCharsets.US_ASCII)), notAfter));
            }
            for (Path file : trustedFiles) {
                trusted.addAll(TrustedKeysFile.read(file));
            }
            if (keys.isEmpty() && trustedFiles.isEmpty()) { // this terminal's own keys, each with its validity period
                for (TrustedKeysFile.Entry e : FormCommand.terminalKeys(qr.top).publicKeys()) {
                    trusted.add(TrustedKey.of("this terminal", e.publicKey(),
                            e.notAfter() != null ? e.notAfter() : notAfter));
                }
            }
            List<String> texts = new QrScanner().scan(file);
            if (texts.isEmpty()) {
                throw new QrVerificationException(QrError.NO_QR_CODE, file.toString());
            }
            QrPayload payload = new QrCodec().verify(texts, trusted);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("verified", true);
            json.put("form", payload.formId());
            json.put("version", payload.formVersion());
            json.put("definitionSha256", payload.definitionSha256());
            json.put("variant", payload.variant());
            json.put("signedAt", payload.issuedAt().toString());
            json.put("values", payload.nestedValues());
            out.println(FormCommand.json().writeValueAsString(json));
            out.flush();
            return 0;
        }
    }

    @Command(name = "public-key", mixinStandardHelpOptions = true,
            description = {"Prints this terminal's current public key (PEM); 'keys export-public' writes every key with",
                "its validity period for the back office."})
    static final class PublicKey implements Callable<Integer> {
        @ParentCommand
        QrCommand qr;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            spec.commandLine().getOut().print(FormCommand.terminalKeys(qr.top).currentPublicKeyPem());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
