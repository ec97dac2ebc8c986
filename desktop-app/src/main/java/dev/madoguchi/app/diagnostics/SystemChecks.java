package dev.madoguchi.app.diagnostics;

import dev.madoguchi.card.pcsc.PcscCardReaders;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.ReaderSnapshot;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.attribute.standard.Media;

/** The checks of the computer: versions, the PC/SC service and readers, fonts, printers, proxy. */
final class SystemChecks {

    /** A text each resident-window language must be drawable in, and its name. */
    static final Map<String, String> LANGUAGE_SAMPLES = new LinkedHashMap<>();

    static {
        LANGUAGE_SAMPLES.put("ja", "窓口住民票髙﨑");
        LANGUAGE_SAMPLES.put("en", "Resident");
        LANGUAGE_SAMPLES.put("vi", "Tiếng Việt đăng ký");
        LANGUAGE_SAMPLES.put("zh", "中文户籍证明");
        LANGUAGE_SAMPLES.put("ko", "한국어 주민등록");
        LANGUAGE_SAMPLES.put("pt", "Português ção");
    }

    /** The fonts the forms and the UI look for by name. */
    static final List<String> NAMED_FONTS = List.of("IPAmjMincho", "IPAexMincho", "IPAexGothic");

    private final Remedies remedies;

    SystemChecks(Remedies remedies) {
        this.remedies = remedies;
    }

    Check java(String appVersion) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("app.version", appVersion);
        facts.put("runtime.version", System.getProperty("java.runtime.version"));
        facts.put("vendor", System.getProperty("java.vendor"));
        facts.put("home", System.getProperty("java.home"));
        facts.put("javafx.version", javaFxVersion());
        facts.put("maxHeapMB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        int feature = Runtime.version().feature();
        CheckStatus status = feature >= 17 ? CheckStatus.OK : CheckStatus.PROBLEM;
        return new Check("java", status, "Java " + System.getProperty("java.version"), facts,
                status == CheckStatus.OK ? "" : remedies.get("java.old"));
    }

    private static String javaFxVersion() {
        try (var in = SystemChecks.class.getResourceAsStream("/javafx.properties")) {
            if (in == null) {
                return "not found";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("javafx.runtime.version", "unknown");
        } catch (java.io.IOException e) {
            return "unreadable";
        }
    }

    Check os(Map<String, String> env) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", System.getProperty("os.name"));
        facts.put("version", System.getProperty("os.version"));
        facts.put("arch", System.getProperty("os.arch"));
        facts.put("distribution", osRelease());
        facts.put("locale", Locale.getDefault().toLanguageTag());
        facts.put("remoteSession", remoteSession(env));
        facts.put("display", env.getOrDefault("WAYLAND_DISPLAY", env.getOrDefault("DISPLAY", "")));
        facts.put("scaling", env.getOrDefault("GDK_SCALE", "") + (env.containsKey("GDK_DPI_SCALE")
                ? " dpi " + env.get("GDK_DPI_SCALE") : ""));
        facts.put("cpus", Runtime.getRuntime().availableProcessors());
        return new Check("os", CheckStatus.OK, System.getProperty("os.name") + " " + System.getProperty("os.version"),
                facts, "");
    }

    private static String osRelease() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (java.io.IOException | SecurityException e) {
            // not Linux
        }
        return "";
    }

    static boolean remoteSession(Map<String, String> env) {
        String session = env.getOrDefault("SESSIONNAME", "");
        return session.startsWith("RDP-") || env.containsKey("XRDP_SESSION") || env.containsKey("SSH_CONNECTION");
    }

    Check pcsc() {
        Map<String, Object> facts = new LinkedHashMap<>();
        try {
            ReaderSnapshot snapshot = PcscCardReaders.system().snapshot();
            List<Map<String, Object>> readers = new ArrayList<>();
            for (ReaderSnapshot.Reader r : snapshot.readers()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("name", r.name());
                one.put("cardPresent", r.cardPresent());
                readers.add(one);
            }
            facts.put("service", "running");
            facts.put("readers", readers);
            if (readers.isEmpty()) {
                return new Check("pcsc", CheckStatus.WARNING, "PC/SC service running, no reader attached", facts,
                        remedies.card(dev.madoguchi.card.reader.CardIoError.NO_READER));
            }
            return new Check("pcsc", CheckStatus.OK, readers.size() + " reader(s)", facts, "");
        } catch (CardIoException e) {
            facts.put("service", e.error().code());
            return new Check("pcsc", CheckStatus.PROBLEM, "PC/SC: " + e.error().code(), facts,
                    remedies.card(e.error()));
        } catch (RuntimeException | LinkageError e) {
            facts.put("service", "unavailable: " + e.getClass().getSimpleName());
            return new Check("pcsc", CheckStatus.PROBLEM, "PC/SC library not usable", facts,
                    remedies.get("pcsc.library"));
        }
    }

    /**
     * Families tried first for the languages' samples (Debian's and Windows' usual ones): opening a font file is what
     * costs, so the check opens these few before it walks every installed family.
     */
    static final List<String> PREFERRED_FAMILIES = List.of("IPAexGothic", "IPAexMincho", "Noto Sans CJK JP",
            "Noto Sans CJK KR", "Noto Sans CJK SC", "Noto Sans CJK TC", "DejaVu Sans", "Noto Sans", "Liberation Sans",
            "Yu Gothic", "Meiryo", "MS Gothic", "Malgun Gothic", "Microsoft YaHei", "Segoe UI", "Arial");

    Check fonts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        Set<String> families;
        try {
            // family names only (the font configuration's list); a Font object per face would parse every file
            families = new TreeSet<>(List.of(GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getAvailableFontFamilyNames(Locale.ROOT)));
        } catch (RuntimeException | LinkageError e) {
            facts.put("error", e.getClass().getSimpleName());
            return new Check("fonts", CheckStatus.PROBLEM, "fonts cannot be listed", facts, remedies.get("fonts.none"));
        }
        List<String> named = new ArrayList<>();
        List<String> missingNamed = new ArrayList<>();
        for (String name : NAMED_FONTS) {
            (families.contains(name) ? named : missingNamed).add(name);
        }
        facts.put("found", named);
        facts.put("missing", missingNamed);
        facts.put("families", families.size());
        List<String> order = new ArrayList<>();
        PREFERRED_FAMILIES.stream().filter(families::contains).forEach(order::add);
        families.stream().filter(f -> !order.contains(f) && !LOGICAL_FAMILIES.contains(f)).forEach(order::add);
        Map<String, Font> opened = new java.util.HashMap<>();
        Map<String, Object> languages = new LinkedHashMap<>();
        List<String> undrawable = new ArrayList<>();
        for (Map.Entry<String, String> e : LANGUAGE_SAMPLES.entrySet()) {
            String font = firstFamilyThatDraws(order, opened, e.getValue());
            languages.put(e.getKey(), font == null ? "none" : font);
            if (font == null) {
                undrawable.add(e.getKey());
            }
        }
        facts.put("languages", languages);
        facts.put("fontsOpened", opened.size());
        if (!undrawable.isEmpty()) {
            return new Check("fonts", CheckStatus.PROBLEM, "no font draws " + undrawable, facts,
                    remedies.get("fonts.language", String.join(", ", undrawable)));
        }
        if (!missingNamed.isEmpty()) {
            return new Check("fonts", CheckStatus.WARNING, "missing " + missingNamed, facts,
                    remedies.get("fonts.named", String.join(", ", missingNamed)));
        }
        return new Check("fonts", CheckStatus.OK, named.size() + " named fonts, every language drawable", facts, "");
    }

    /** Java's logical families map to whatever is installed: they would hide a missing font. */
    private static final Set<String> LOGICAL_FAMILIES = Set.of("Dialog", "DialogInput", "Monospaced", "SansSerif",
            "Serif");

    private static String firstFamilyThatDraws(List<String> families, Map<String, Font> opened, String sample) {
        for (String family : families) {
            Font font = opened.computeIfAbsent(family, f -> new Font(f, Font.PLAIN, 12));
            if (font.canDisplayUpTo(sample) == -1) {
                return family;
            }
        }
        return null;
    }

    Check printers(Map<String, String> env) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (!cupsMayAnswer(env)) {
            // without CUPS, Java's printer lookup falls back to running lpstat several times: seconds for nothing
            facts.put("printers", List.of());
            facts.put("service", "CUPS not running");
            return new Check("printers", CheckStatus.WARNING, "CUPS not running", facts, remedies.get("printers.none"));
        }
        try {
            PrintService[] services = PrintServiceLookup.lookupPrintServices(null, null);
            List<String> names = new ArrayList<>();
            for (PrintService s : services) {
                names.add(s.getName());
            }
            PrintService preferred = PrintServiceLookup.lookupDefaultPrintService();
            facts.put("printers", names);
            facts.put("default", preferred == null ? "" : preferred.getName());
            Object paper = preferred == null ? null : preferred.getDefaultAttributeValue(Media.class);
            facts.put("defaultPaper", paper == null ? "" : paper.toString());
            if (names.isEmpty()) {
                return new Check("printers", CheckStatus.WARNING, "no printer", facts, remedies.get("printers.none"));
            }
            return new Check("printers", CheckStatus.OK, names.size() + " printer(s)", facts, "");
        } catch (RuntimeException | LinkageError e) {
            facts.put("error", e.getClass().getSimpleName());
            return new Check("printers", CheckStatus.WARNING, "printers cannot be listed", facts,
                    remedies.get("printers.none"));
        }
    }

    /**
     * False only on Linux when no CUPS can answer: no local socket, nothing on port 631 and no other server configured
     * ({@code CUPS_SERVER}, {@code client.conf}). Elsewhere (Windows' spooler, macOS) always true.
     */
    static boolean cupsMayAnswer(Map<String, String> env) {
        if (!System.getProperty("os.name", "").startsWith("Linux") || env.containsKey("CUPS_SERVER")
                || Files.exists(Path.of("/etc/cups/client.conf"))) {
            return true;
        }
        for (String socket : List.of("/run/cups/cups.sock", "/var/run/cups/cups.sock")) {
            if (Files.exists(Path.of(socket))) {
                return true;
            }
        }
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 631), 200);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    Check proxy(Map<String, String> env) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (String name : List.of("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "no_proxy")) {
            if (env.containsKey(name)) {
                facts.put(name, withoutUserInfo(env.get(name)));
            }
        }
        for (String name : List.of("https.proxyHost", "https.proxyPort", "http.proxyHost", "http.nonProxyHosts")) {
            if (System.getProperty(name) != null) {
                facts.put(name, System.getProperty(name));
            }
        }
        facts.put("selector", String.valueOf(ProxySelector.getDefault().select(URI.create("https://example.invalid/"))));
        return new Check("proxy", CheckStatus.OK, facts.size() > 1 ? "proxy settings present" : "direct", facts, "");
    }

    /** A proxy URL without its user and password. */
    static String withoutUserInfo(String url) {
        return url.replaceAll("//[^/@]*@", "//");
    }
}
