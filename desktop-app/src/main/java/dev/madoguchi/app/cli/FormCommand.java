package dev.madoguchi.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.madoguchi.app.keys.TerminalKeyService;
import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.definition.FormDefinition;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.pdf.FormPdfService;
import dev.madoguchi.forms.pdf.MissingGlyph;
import dev.madoguchi.forms.pdf.Overflow;
import dev.madoguchi.forms.pdf.PdfFonts;
import dev.madoguchi.forms.pdf.RenderReport;
import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.prefill.FormData;
import dev.madoguchi.forms.qr.QrCodec;
import dev.madoguchi.forms.qr.TerminalKey;
import dev.madoguchi.forms.validation.FormValidator;
import dev.madoguchi.forms.validation.ValidationIssue;
import dev.madoguchi.forms.print.FormPrinter;
import dev.madoguchi.forms.print.PrintJobReport;
import dev.madoguchi.forms.print.PrinterInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code madoguchi form}: the form definitions and rendering a filled form to PDF. */
@Command(name = "form",
        mixinStandardHelpOptions = true,
        description = "Form definitions (docs/howto/add-a-form.md) and PDF rendering with a signed QR code.",
        subcommands = {FormCommand.ListForms.class, FormCommand.Render.class, FormCommand.Print.class,
            FormCommand.Printers.class})
public final class FormCommand extends GroupCommand {

    @ParentCommand
    MadoguchiCommand top;

    @Option(names = "--forms-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "A municipality's folder of form definitions (*.json); they replace built-in forms with the"
                    + " same id. Default: the folder recorded by the setup of this data directory, if any.")
    Path formsDirectory;

    /** The built-in forms and {@code --forms-dir}, or else the forms folder the setup recorded (docs/adr/0031). */
    FormCatalog catalog() {
        return FormCatalog.load(formsDirectory != null ? formsDirectory : dev.madoguchi.app.setup.SetupMarker
                .formsFolder(top.storeDirectory()).orElse(null));
    }

    /** The terminal's signing keys under the data directory, sealed under the store's key (docs/adr/0025). */
    static TerminalKeyService terminalKeys(MadoguchiCommand top) {
        return TerminalKeyService.in(top.dataDirectory());
    }

    /** A form rendered by {@link #render}: its definition and the renderer's report. */
    record Rendered(FormDefinition definition, RenderReport report) {}

    /**
     * The one render path of {@code form render} and {@code form print}: data file → filled form → validation →
     * signed PDF written to {@code pdf}. Prints the validation issues and glyph/overflow warnings to {@code err}.
     *
     * @return null when validation errors stopped rendering (the reason is printed)
     */
    Rendered render(RenderInput input, ClerkSession clerk, OutputStream pdf, PrintWriter err, String verb)
            throws Exception {
        String formId = input.formId;
        Path data = input.data;
        Path mjPlus = input.mjPlus;
        boolean draft = input.draft;
        FormDefinition definition = catalog().get(formId);
        FilledForm filled = FormData.parse(data.toString(), Files.readAllBytes(data)).fill(definition);
        List<ValidationIssue> issues = new FormValidator().validate(filled, LocalDate.now(Clock.systemDefaultZone()));
        Locale locale = top.messageLanguage().locale();
        for (ValidationIssue issue : issues) {
            err.println(issue.severity() + " " + (issue.fieldId() == null ? "" : issue.fieldId() + ": ")
                    + issue.message(locale));
        }
        if (FormValidator.hasErrors(issues) && !draft) {
            err.println("madoguchi form " + verb + ": not " + (verb.equals("print") ? "printed" : "rendered")
                    + " because of the errors above (--draft " + verb + "s anyway)");
            err.flush();
            return null;
        }
        FontFiles fonts = mjPlus == null ? FontFiles.debian() : FontFiles.debian().withMjPlus(mjPlus);
        TerminalKey key;
        try (var store = clerk.open()) { // the signing key is sealed: only a signed-in clerk signs
            key = terminalKeys(top).signingKey(store);
        }
        RenderReport report;
        try (PdfFonts loaded = PdfFonts.load(fonts)) {
            report = new FormPdfService(loaded, new QrCodec(), key).render(filled, java.time.Instant.now(), pdf);
        }
        for (MissingGlyph glyph : report.missingGlyphs()) {
            err.println("WARNING " + glyph.fieldId() + ": no font has " + glyph.codePointLabel()
                    + "; a red marker is printed in its place (configure an MJ+ font with --mj-plus)");
        }
        for (Overflow overflow : report.overflows()) {
            err.println("WARNING " + overflow.fieldId() + ": only " + overflow.printedCodePoints() + " of "
                    + overflow.totalCodePoints() + " characters fit the box; a red marker shows it");
        }
        return new Rendered(definition, report);
    }

    static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the forms: id, version, hash, title.")
    static final class ListForms implements Callable<Integer> {
        @ParentCommand
        FormCommand form;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean asJson;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<FormDefinition> forms = form.catalog().all();
            if (asJson) {
                List<Map<String, Object>> rows = forms.stream().map(f -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", f.id());
                    row.put("version", f.version());
                    row.put("sha256", f.sha256());
                    row.put("title", f.title());
                    row.put("variants", f.variants().stream().map(v -> v.id()).toList());
                    row.put("fields", f.fields().stream().map(FieldDefinition::id).toList());
                    row.put("legalItems", f.fields().stream().filter(FieldDefinition::isLegalItem)
                            .map(FieldDefinition::id).toList());
                    row.put("origin", f.origin());
                    return row;
                }).toList();
                out.println(json().writeValueAsString(rows));
            } else {
                for (FormDefinition f : forms) {
                    out.printf("%-16s %-7s %s  %s%s%n", f.id(), f.version(), f.sha256().substring(0, 16),
                            f.title().ja(), f.variants().isEmpty() ? ""
                                    : " (" + String.join(", ", f.variants().stream().map(v -> v.id()).toList()) + ")");
                }
            }
            out.flush();
            return 0;
        }
    }

    /** What to render, shared by 'form render' and 'form print'. */
    static final class RenderInput {
        @Option(names = "--form", required = true, paramLabel = "ID", description = "The form id (see 'form list').")
        String formId;

        @Option(names = "--data", required = true, paramLabel = "FILE.json", description = "The field values.")
        Path data;

        @Option(names = "--mj-plus", paramLabel = "FONT.ttf",
                description = "An MJ+ (行政事務標準文字) TrueType font, tried first for names and addresses.")
        Path mjPlus;

        @Option(names = "--draft", description = "Render or print even when validation finds errors.")
        boolean draft;
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = {"Renders a form's values (a JSON data file, see docs/howto/add-a-form.md) to an A4 PDF",
                "with a QR code signed by this terminal's key (sealed: --clerk signs in). Validation errors stop rendering",
                "unless --draft."})
    static final class Render implements Callable<Integer> {
        @ParentCommand
        FormCommand form;

        @Spec
        CommandSpec spec;

        @Mixin
        RenderInput input;

        @Mixin
        ClerkSession clerk;

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the PDF.")
        Path out;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter stdout = spec.commandLine().getOut();
            Path temp = Files.createTempFile(out.toAbsolutePath().getParent(), ".render", ".pdf");
            Rendered rendered;
            try (OutputStream pdf = Files.newOutputStream(temp)) {
                rendered = form.render(input, clerk, pdf, err, "render");
            } catch (Exception e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            if (rendered == null) {
                Files.deleteIfExists(temp);
                return 1;
            }
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
            FormDefinition definition = rendered.definition();
            RenderReport report = rendered.report();
            stdout.println("wrote " + out + " (" + definition.stamp() + ", " + report.pages() + " page"
                    + (report.pages() == 1 ? "" : "s") + ")");
            stdout.flush();
            err.flush();
            return 0;
        }
    }

    @Command(name = "print", mixinStandardHelpOptions = true,
            description = {"Renders a form like 'form render' and prints it through the operating system's print",
                "service at 100 % on A4. Validation errors stop printing unless --draft."})
    static final class Print implements Callable<Integer> {
        @ParentCommand
        FormCommand form;

        @Spec
        CommandSpec spec;

        @Mixin
        RenderInput input;

        @Mixin
        ClerkSession clerk;

        @Option(names = "--printer", paramLabel = "NAME",
                description = "The printer (see 'form printers'); the default printer when left out.")
        String printer;

        @Option(names = "--copies", paramLabel = "N", defaultValue = "1", description = "1 to 99, collated (default 1).")
        int copies;


        @Override
        public Integer call() throws Exception {
            if (copies < 1 || copies > FormPrinter.MAX_COPIES) {
                throw new ParameterException(spec.commandLine(),
                        "--copies must be between 1 and " + FormPrinter.MAX_COPIES + ", not " + copies);
            }
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter stdout = spec.commandLine().getOut();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            Rendered rendered = form.render(input, clerk, pdf, err, "print");
            if (rendered == null) {
                return 1;
            }
            // the job name shows in the printer's queue: the form id only, never personal data
            PrintJobReport job = new FormPrinter().print(pdf.toByteArray(), printer, copies, "madoguchi " + input.formId);
            stdout.println("sent " + rendered.definition().stamp() + " to " + job.printer() + ": " + job.copies()
                    + (job.copies() == 1 ? " copy" : " copies") + " of " + job.pages()
                    + (job.pages() == 1 ? " page" : " pages"));
            stdout.flush();
            err.flush();
            return 0;
        }
    }

    @Command(name = "printers", mixinStandardHelpOptions = true,
            description = "Lists the printers of the operating system's print service (the names 'form print' takes).")
    static final class Printers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print JSON instead of a list.")
        boolean asJson;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<PrinterInfo> printers = new FormPrinter().printers();
            if (asJson) {
                List<Map<String, Object>> rows = printers.stream().map(p -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", p.name());
                    row.put("default", p.isDefault());
                    return row;
                }).toList();
                out.println(json().writeValueAsString(rows));
            } else if (printers.isEmpty()) {
                out.println("no printer is installed");
            } else {
                for (PrinterInfo p : printers) {
                    out.println(p.name() + (p.isDefault() ? " (default)" : ""));
                }
            }
            out.flush();
            return 0;
        }
    }
}
