package dev.madoguchi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.app.Main;
import dev.madoguchi.app.pdf.PdfProbe;
import dev.madoguchi.forms.pdf.FontFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormCliTest {

    @TempDir
    Path dir;

    private static final String PASSPHRASE = "correct horse battery";
    private final java.io.InputStream originalIn = System.in;

    private record Run(int code, String out, String err) {}

    @org.junit.jupiter.api.AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    /**
     * Runs the command line; 'form render' and 'form print' sign with the sealed key (docs/adr/0025), so they run as
     * the store's administrator (created on first need), the passphrase on standard input.
     */
    private Run run(String... args) {
        if (args.length > 1 && args[0].equals("form") && (args[1].equals("render") || args[1].equals("print"))) {
            if (!Files.exists(dir.resolve("data").resolve("store"))) {
                Run create = runWithInput(PASSPHRASE + "\n" + PASSPHRASE + "\n", "store", "create", "--clerk", "admin",
                        "--name", "管理者");
                assertThat(create.code()).as(create.err()).isZero();
            }
            String[] signed = java.util.Arrays.copyOf(args, args.length + 2);
            signed[args.length] = "--clerk";
            signed[args.length + 1] = "admin";
            return runWithInput(PASSPHRASE + "\n", signed);
        }
        return runWithInput("", args);
    }

    private Run runWithInput(String stdin, String... args) {
        System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static void requireFonts() {
        Path missing = FontFiles.debian().firstMissing();
        if (missing != null) {
            if ("required".equals(System.getenv("MADOGUCHI_PCSCD"))) {
                fail(missing + " is missing (Debian packages fonts-ipamj-mincho fonts-ipaexfont)");
            }
            assumeTrue(false, missing + " is not installed");
        }
    }

    private Path dataFile() throws IOException {
        Path data = dir.resolve("inkan.json");
        Files.writeString(data, """
                {
                  "form": "inkan-toroku",
                  "values": {
                    "notifiedOn": "2026-11-23",
                    "name": "𠮷田　太郎",
                    "nameKana": "ヨシダ　タロウ",
                    "birthDate": "1980-02-17",
                    "sex": "男",
                    "postalCode": "000-0001",
                    "address": "架空県窓口市本町１丁目２番３号",
                    "identityCheck": "マイナンバーカード"
                  }
                }
                """);
        return data;
    }

    @Test
    void formListNamesEveryFormWithVersionAndHash() throws IOException {
        Run list = run("form", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("jumin-ido").contains("住民異動届").contains("tennyu, tenkyo, tenshutsu")
                .contains("hinansha-card").contains("risai-shomei");
        Run json = run("form", "list", "--json");
        JsonNode forms = new ObjectMapper().readTree(json.out());
        assertThat(forms.size()).isEqualTo(8);
        assertThat(forms.get(0).get("sha256").asText()).hasSize(64);
    }

    @Test
    void aRenderedFormVerifiesAndTheVerifierPrintsTheExactName() throws IOException {
        requireFonts();
        Path pdf = dir.resolve("inkan.pdf");
        Run render = run("form", "render", "--form", "inkan-toroku", "--data", dataFile().toString(), "--out",
                pdf.toString());
        assertThat(render.code()).as(render.err()).isZero();
        assertThat(render.out()).contains("wrote").contains("inkan-toroku v1.0.0");
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes());
        Run verify = run("qr", "verify", pdf.toString());
        assertThat(verify.code()).as(verify.err()).isZero();
        JsonNode payload = new ObjectMapper().readTree(verify.out());
        assertThat(payload.get("verified").asBoolean()).isTrue();
        assertThat(payload.get("values").get("name").asText()).isEqualTo("𠮷田　太郎");

        Path key = dir.resolve("terminal.pem");
        Files.writeString(key, run("qr", "public-key").out());
        assertThat(run("qr", "verify", "--key", key.toString(), pdf.toString()).code()).isZero();
        Run expired = run("qr", "verify", "--key", key.toString(), "--key-not-after", "2020-01-01T00:00:00Z",
                pdf.toString());
        assertThat(expired.code()).isEqualTo(1);
        assertThat(expired.err()).contains("QR-006");
    }

    @Test
    void theSealedKeySignsOnlyWithAPassphraseAndARotatedKeysFormsStillVerifyAgainstTheExportedFile() throws Exception {
        requireFonts();
        Path before = dir.resolve("before.pdf");
        assertThat(run("form", "render", "--form", "inkan-toroku", "--data", dataFile().toString(), "--out",
                before.toString()).code()).isZero();
        Run wrong = runWithInput("not the passphrase\n", "form", "render", "--form", "inkan-toroku", "--data", dataFile().toString(), "--out",
                dir.resolve("x.pdf").toString(), "--clerk", "admin");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("STORE-005");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
        String oldKid = new ObjectMapper().readTree(run("keys", "show", "--json").out()).get(0).get("kid").asText();
        Path oldExport = dir.resolve("old-keys.json");
        assertThat(run("keys", "export-public", oldExport.toString()).code()).isZero();

        Run rotate = runWithInput(PASSPHRASE + "\n", "keys", "rotate", "--clerk", "admin");
        assertThat(rotate.code()).as(rotate.err()).isZero();
        Path after = dir.resolve("after.pdf");
        assertThat(run("form", "render", "--form", "inkan-toroku", "--data", dataFile().toString(), "--out",
                after.toString()).code()).isZero();
        Path export = dir.resolve("madoguchi-keys.json");
        assertThat(run("keys", "export-public", export.toString()).code()).isZero();
        assertThat(Files.readString(export)).contains(oldKid).doesNotContain("PRIVATE").doesNotContain("sealed");
        assertThat(run("qr", "verify", "--trusted", export.toString(), before.toString()).code()).isZero();
        assertThat(run("qr", "verify", "--trusted", export.toString(), after.toString()).code()).isZero();
        assertThat(run("qr", "verify", "--trusted", oldExport.toString(), after.toString()).err()).contains("QR-005");

        JsonNode keys = new ObjectMapper().readTree(run("keys", "show", "--json").out());
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.get(0).get("notAfter").isNull()).isFalse();
        String doctor = run("doctor", "--json").out();
        assertThat(doctor).contains(keys.get(1).get("kid").asText()).doesNotContain("PRIVATE KEY")
                .doesNotContain("sealedKeyPair");
    }

    @Test
    void aHouseholdRendersOnTwoSheetsAndQrVerifyExpandsEveryMover() throws IOException {
        requireFonts();
        StringBuilder movers = new StringBuilder();
        String[] given = {"太郎", "花子", "一郎", "次郎", "三郎"};
        String[] codes = {"12345678903", "12345678911", "23456789013", "34567890122", "45678901230"};
        for (int i = 0; i < given.length; i++) {
            movers.append(i == 0 ? "" : ",").append("{\"name\": \"𠮷田　").append(given[i])
                    .append("\", \"nameKana\": \"ヨシダ\", \"birthDate\": \"1990-01-0").append(i + 1)
                    .append("\", \"relationship\": \"").append(i == 0 ? "世帯主" : "子")
                    .append("\", \"residentCode\": \"").append(codes[i]).append("\"}");
        }
        Path data = dir.resolve("household.json");
        Files.writeString(data, "{\"form\": \"jumin-ido\", \"variant\": \"tennyu\", \"values\": {"
                + "\"notifiedOn\": \"2026-11-23\", \"notifier\": \"世帯主\", \"householdHead\": \"𠮷田　太郎\","
                + "\"address\": \"架空県窓口市本町二丁目３番４号\", \"previousAddress\": \"東京都千代田区霞が関一丁目１番１号\","
                + "\"movedInOn\": \"2026-11-20\", \"movers\": [" + movers + "]}}");
        Path pdf = dir.resolve("household.pdf");
        Run render = run("form", "render", "--form", "jumin-ido", "--data", data.toString(), "--out", pdf.toString());
        assertThat(render.code()).as(render.err()).isZero();
        Run verify = run("qr", "verify", pdf.toString());
        assertThat(verify.code()).as(verify.err()).isZero();
        JsonNode values = new ObjectMapper().readTree(verify.out()).get("values");
        assertThat(values.get("movers").size()).isEqualTo(5);
        assertThat(values.get("movers").get(4).get("name").asText()).isEqualTo("𠮷田　三郎");
        assertThat(values.get("householdHead").asText()).isEqualTo("𠮷田　太郎");
    }

    @Test
    void verifyingWithAnotherTerminalsKeyOrAFileWithoutQrSaysWhy() throws IOException {
        requireFonts();
        Path pdf = dir.resolve("inkan.pdf");
        assertThat(run("form", "render", "--form", "inkan-toroku", "--data", dataFile().toString(), "--out",
                pdf.toString()).code()).isZero();
        Path otherKey = dir.resolve("other.pem");
        Files.writeString(otherKey, dev.madoguchi.forms.qr.TerminalKey.generate().publicKeyPem());
        Run unknown = run("qr", "verify", "--key", otherKey.toString(), pdf.toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err().strip()).startsWith("madoguchi qr verify: ").contains("(QR-005)").doesNotContain("\n");
        Path png = dir.resolve("blank.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(50, 50,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        assertThat(run("qr", "verify", png.toString()).err()).contains("QR-001");
    }

    @Test
    void aForeignQrCodeInAnImageIsNamedAsForeign() throws Exception {
        Path png = dir.resolve("foreign.png");
        javax.imageio.ImageIO.write(com.google.zxing.client.j2se.MatrixToImageWriter.toBufferedImage(
                new com.google.zxing.qrcode.QRCodeWriter().encode("https://example.org/not-a-form",
                        com.google.zxing.BarcodeFormat.QR_CODE, 400, 400)), "png", png.toFile());
        Run foreign = run("qr", "verify", png.toString());
        assertThat(foreign.code()).isEqualTo(1);
        assertThat(foreign.err()).contains("QR-002");
    }

    @Test
    void renderingDataMissingALegalItemStopsWithTheReason() throws IOException {
        requireFonts();
        Path data = dir.resolve("tennyu.json");
        Files.writeString(data, """
                {"form": "jumin-ido", "variant": "tennyu", "values": {"name": "髙橋　一郎"}}
                """);
        Path pdf = dir.resolve("tennyu.pdf");
        Run render = run("form", "render", "--form", "jumin-ido", "--data", data.toString(), "--out", pdf.toString());
        assertThat(render.code()).isEqualTo(1);
        assertThat(render.err()).contains("movedInOn").contains("--draft");
        assertThat(pdf).doesNotExist();
        assertThat(run("form", "render", "--form", "jumin-ido", "--data", data.toString(), "--out", pdf.toString(),
                "--draft").code()).isZero();
        assertThat(pdf).exists();
    }

    @Test
    void anUnknownFormIdIsOneLineNamingTheKnownForms() throws IOException {
        Run render = run("form", "render", "--form", "tennyu", "--data", dataFile().toString(), "--out",
                dir.resolve("x.pdf").toString());
        assertThat(render.code()).isEqualTo(1);
        assertThat(render.err().strip()).contains("unknown form 'tennyu'").contains("jumin-ido").doesNotContain("\n");
    }

    @Test
    void lifeEventProposesFormsWithReasonsAndUnknownAnswersKeepThemIn() throws IOException {
        Path answers = dir.resolve("answers.json");
        Files.writeString(answers, "{\"withChildren\": \"unknown\", \"nationalHealthInsurance\": \"no\"}");
        Run text = run("life-event", "--event", "tennyu", "--answers", answers.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("住民異動届（転入届）").contains("理由").contains("持ち物")
                .contains("わからない: withChildren").doesNotContain("国民健康保険");
        Run json = run("life-event", "--event", "tennyu", "--answers", answers.toString(), "--json");
        JsonNode plan = new ObjectMapper().readTree(json.out());
        assertThat(plan.get("event").asText()).isEqualTo("tennyu");
        assertThat(plan.get("procedures").get(0).get("form").asText()).isEqualTo("jumin-ido");
    }

    /** The CUPS queue ./run-tests sets up (MADOGUCHI_CUPS_QUEUE); required under ./run-tests, skipped elsewhere. */
    private static String cupsQueue() {
        String queue = System.getenv("MADOGUCHI_CUPS_QUEUE");
        if (queue == null || queue.isBlank()) {
            if ("required".equals(System.getenv("MADOGUCHI_PCSCD"))) {
                fail("MADOGUCHI_CUPS_QUEUE is not set under ./run-tests");
            }
            assumeTrue(false, "no CUPS queue (MADOGUCHI_CUPS_QUEUE); skipped outside ./run-tests");
        }
        return queue;
    }

    @Test
    void formPrintersListsTheCupsQueueAsJson() throws IOException {
        String queue = cupsQueue();
        Run json = run("form", "printers", "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode printers = new ObjectMapper().readTree(json.out());
        assertThat(printers.isArray()).isTrue();
        assertThat(printers.findValuesAsText("name")).contains(queue);
        assertThat(printers.get(0).has("default")).isTrue();
        assertThat(run("form", "printers").out()).contains(queue);
    }

    @Test
    void formPrintSendsTheRenderedFormToTheQueueAndCupsPdfWritesIt() throws Exception {
        requireFonts();
        String queue = cupsQueue();
        Path outDir = Path.of(System.getenv().getOrDefault("MADOGUCHI_CUPS_PDF_DIR", "/nonexistent"));
        long before = PdfProbe.pdfFilesIn(outDir);
        Run print = run("form", "print", "--form", "inkan-toroku", "--data", dataFile().toString(), "--printer",
                queue, "--copies", "2");
        assertThat(print.code()).as(print.err()).isZero();
        assertThat(print.out()).startsWith("sent inkan-toroku v1.0.0").contains(" to " + queue + ": 2 copies of 1 page");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (PdfProbe.pdfFilesIn(outDir) == before && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(PdfProbe.pdfFilesIn(outDir)).as("PDFs in %s", outDir).isGreaterThan(before);
    }

    @Test
    void printingToAnUnknownPrinterIsOneLineNamingTheInstalledOnes() throws IOException {
        requireFonts();
        String queue = cupsQueue();
        Run print = run("form", "print", "--form", "inkan-toroku", "--data", dataFile().toString(), "--printer",
                "NoSuchPrinter");
        assertThat(print.code()).isEqualTo(1);
        String said = print.err().strip().replaceFirst("^Passphrase for [^\n]*\n", ""); // the --clerk prompt
        assertThat(said).startsWith("madoguchi form print: ").contains("(PRINT-002)").contains(queue)
                .doesNotContain("\n");
    }

    @Test
    void copiesOutsideOneToNinetyNineAreAUsageError() throws IOException {
        Run print = run("form", "print", "--form", "inkan-toroku", "--data", dataFile().toString(), "--copies", "0");
        assertThat(print.code()).isEqualTo(2);
        assertThat(print.err().strip()).contains("--copies must be between 1 and 99").doesNotContain("\n");
    }
}
