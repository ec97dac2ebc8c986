package dev.madoguchi.bench;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.pdf.FontFiles;
import dev.madoguchi.forms.pdf.FormPdfService;
import dev.madoguchi.forms.pdf.FormRenderer;
import dev.madoguchi.forms.pdf.PdfFonts;
import dev.madoguchi.forms.prefill.CardRead;
import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.prefill.Household;
import dev.madoguchi.forms.prefill.HouseholdMember;
import dev.madoguchi.forms.prefill.PrefillInput;
import dev.madoguchi.forms.prefill.Prefiller;
import dev.madoguchi.forms.prefill.RegisterRecord;
import dev.madoguchi.forms.qr.QrCodec;
import dev.madoguchi.forms.qr.QrPayload;
import dev.madoguchi.forms.qr.TerminalKey;
import dev.madoguchi.forms.qr.TrustedKey;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forms: a warm render of one page (the 転入届 of a resident named 𠮷田, with and without signing and drawing its QR
 * codes), a two-sheet 住民異動届 of five movers with its QR, and the QR payload's encode (sign) and verify. Needs the Debian fonts (fonts-ipamj-mincho, fonts-ipaexfont).
 * The PDF size per page is printed at the end of each fork ("pdf bytes per page").
 */
@State(Scope.Thread)
@Fork(3)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FormsBenchmark {

    private static final Instant SIGNED = Instant.parse("2026-11-23T01:02:03Z");

    private PdfFonts fonts;
    private FormRenderer renderer;
    private FormPdfService service;
    private FilledForm form;
    private FilledForm household;
    private TerminalKey key;
    private QrCodec codec;
    private QrPayload payload;
    private List<String> parts;
    private List<TrustedKey> trusted;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    private int lastSize;

    @Setup(Level.Trial)
    public void prepare() throws Exception {
        DemoMunicipality m = DemoMunicipality.generate(DemoMunicipality.DEFAULT_SEED, 2_000);
        Resident r = m.cardHolders().stream().filter(x -> x.familyName().startsWith("𠮷")).findFirst().orElseThrow();
        List<Resident> members = m.membersOf(r.householdId());
        RegisterRecord register = new RegisterRecord(r.residentCode(), r.fullName(), r.fullNameKana(), r.birthDate(),
                r.sex(), r.address(), r.postalCode(), r.relationship(), members.get(0).fullName(), null);
        PrefillInput input = new PrefillInput(
                new CardRead(r.card().nameOnCard(), r.card().addressOnCard(), r.birthDate(), r.sex()), register,
                new Household(r.householdId(), members.stream()
                        .map(x -> new HouseholdMember(x.fullName(), x.relationship(), x.birthDate())).toList()),
                Map.of("notifier", "本人", "newAddress", "架空県窓口市本町二丁目３番４号", "newPostalCode", "100-0002",
                        "movedOn", "2026-11-20"),
                Map.of(), LocalDate.of(2026, 11, 23));
        form = new Prefiller().fill(FormCatalog.builtIn().get("jumin-ido"), "tennyu", input);
        // a household of five moving together: the person at the counter and four more rows, two sheets
        List<Map<String, String>> movers = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Resident member = m.residents().get(i * 7);
            movers.add(Map.of("name", member.fullName(), "nameKana", member.fullNameKana(),
                    "birthDate", member.birthDate().toString(), "sex", i % 2 == 0 ? "男" : "女",
                    "relationship", i == 0 ? "世帯主" : "子", "residentCode", member.residentCode(),
                    "honseki", "東京都千代田区千代田一番", "hittousha", members.get(0).fullName()));
        }
        household = form.withRows("movers", movers, "data");
        fonts = PdfFonts.load(FontFiles.debian());
        renderer = new FormRenderer(fonts);
        key = TerminalKey.generate();
        codec = new QrCodec();
        service = new FormPdfService(fonts, codec, key);
        payload = QrPayload.of(form, SIGNED);
        parts = codec.encode(payload, key);
        trusted = List.of(key.trusted("bench"));
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.println("pdf bytes per page (with QR): " + lastSize + ", QR symbols: " + parts.size());
        fonts.close();
    }

    @Benchmark
    public int renderPageWithoutQr() {
        out.reset();
        renderer.render(form, List.of(), out);
        return out.size();
    }

    @Benchmark
    public int renderPageWithSignedQr() {
        out.reset();
        service.render(form, SIGNED, out);
        lastSize = out.size();
        return lastSize;
    }

    /** The 住民異動届 of five movers: two sheets, the QR carrying all five (issue 16: < 60 ms). */
    @Benchmark
    public int renderTwoSheetsWithSignedQr() {
        out.reset();
        service.render(household, SIGNED, out);
        return out.size();
    }

    @Benchmark
    public List<String> qrEncode() {
        return codec.encode(payload, key);
    }

    @Benchmark
    public QrPayload qrVerify() throws Exception {
        return codec.verify(parts, trusted);
    }
}
