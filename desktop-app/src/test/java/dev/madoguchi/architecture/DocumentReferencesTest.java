package dev.madoguchi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository stands on its own documents (issue 12): every Markdown document a file cites — in code comments,
 * tests, scripts, POMs and docs — is a file of the repository, cited by its path (a bare document name that is not a
 * sibling of the citing file or at the root fails), no file points into the shared folder beside the repository, and
 * every section a file cites ({@code docs/card-protocol.md §1.4}, ranges like {@code §9.4–9.5}) is a numbered heading
 * of that document. Build output ({@code target/}), {@code .git} and binary files are not read; a name pattern with
 * {@code NNNN} (a new ADR's name) is not a citation.
 */
class DocumentReferencesTest {

    /** Files whose citations are not checked, each with the reason. The list may only shrink. */
    static final Map<String, String> FROZEN = Map.of(
            "offline-store/src/main/resources/db/migration/V2__encrypted_store_clerks_cases_shelter_outbox_audit.sql",
            "a released Flyway migration: changing any byte changes its checksum, and every existing store then"
                    + " refuses to open; its comment cites the project guide of the time");

    /**
     * Documents that other branches of issue 12 add and that this branch already cites. Remove an entry as soon as
     * the document is in the repository (the test says so).
     */
    static final Map<String, String> ARRIVING = Map.of();

    /** A path-like word ending in .md; URLs are blanked out before this is applied. */
    private static final Pattern DOCUMENT = Pattern.compile("(?<![\\w/.-])([\\w./-]*[\\w-]\\.md)(?![\\w-])");
    /** The shared folder next to the repository, however it is reached (written so that this file does not match). */
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|shared[/]docs");
    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://\\S+");
    /** Section references right after a cited document: " §1.4", " §1.4 / §7", " §1.4, §9.4–9.5". */
    private static final Pattern SECTIONS =
            Pattern.compile("\\A(?:\\s*(?:,|/|and|;)?\\s*§\\s?\\d+(?:\\.\\d+)*(?:\\s?[–-]\\s?\\d+(?:\\.\\d+)*)?)+");
    private static final Pattern SECTION = Pattern.compile("(\\d+(?:\\.\\d+)*)(?:\\s?[–-]\\s?(\\d+(?:\\.\\d+)*))?");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(\\d+(?:\\.\\d+)*)\\.?\\s");

    /** One citation that does not resolve. */
    record Finding(String file, int line, String cited, String problem) {
        @Override
        public String toString() {
            return file + ":" + line + ": \"" + cited + "\" — " + problem;
        }
    }

    @Test
    void everyCitedDocumentAndSectionIsInTheRepository() {
        Path root = SourceTree.root();
        Set<String> arrivingCited = new TreeSet<>();
        List<Finding> findings = findings(root, arrivingCited);
        List<Finding> unexpected = findings.stream().filter(f -> !FROZEN.containsKey(f.file())).toList();
        assertThat(unexpected).as("citations of documents or sections that are not in the repository; write the fact"
                + " into the repository's docs/ and cite it by its path").isEmpty();

        Set<String> frozenWithFindings = new TreeSet<>();
        findings.forEach(f -> frozenWithFindings.add(f.file()));
        for (Map.Entry<String, String> frozen : FROZEN.entrySet()) {
            assertThat(frozenWithFindings).as("%s is listed as a frozen exception (%s) but cites nothing outside the"
                    + " repository any more: remove it from FROZEN", frozen.getKey(), frozen.getValue())
                    .contains(frozen.getKey());
        }
        for (Map.Entry<String, String> arriving : ARRIVING.entrySet()) {
            assertThat(Files.exists(root.resolve(arriving.getKey()))).as("%s (%s) is in the repository now: remove it"
                    + " from ARRIVING", arriving.getKey(), arriving.getValue()).isFalse();
            assertThat(arrivingCited).as("%s is listed in ARRIVING but nothing cites it: remove it from ARRIVING",
                    arriving.getKey()).contains(arriving.getKey());
        }
    }

    @Test
    void catchesEachKindOfOffenderAndPassesRepositoryPaths(@TempDir Path root) throws IOException {
        String document = "card-protocol" + ".md";
        Path docs = Files.createDirectories(root.resolve("docs"));
        Files.writeString(docs.resolve(document), "# Notes\n\n## 1. Cards\n\n### 1.4 Files\n\n### 1.5 More\n");
        Files.writeString(root.resolve("README" + ".md"), "see " + "docs/" + document + "\n");
        String outside = String.join("/", "..", "shared", "docs", document);
        String bare = "stack" + ".md";
        Path offender = Files.createDirectories(root.resolve("mod/src/main/java/x")).resolve("Offender.java");
        Files.writeString(offender, String.join("\n",
                "/** (" + "docs/" + document + " " + "§1.4–1.5" + ") fine, and so is " + "README" + ".md. */",
                "// " + document + " " + "§1.4" + ": a bare name",
                "// " + bare + " \"Headless JavaFX tests\"",
                "// " + outside,
                "// style" + ".md 14",
                "// " + "docs/" + "missing" + ".md",
                "// " + "docs/" + document + " §" + "1.4, §" + "9.4–9.5",
                "// https://example.org/some/" + bare + " is a web page, not a citation",
                "// new decisions go into " + "docs/adr/" + "NNNN-title" + ".md",
                ""));
        Files.createDirectories(root.resolve("mod/target"));
        Files.writeString(root.resolve("mod/target/Built.java"), "// " + bare);
        Files.write(root.resolve("mod/picture.png"), ("\0PNG " + bare).getBytes(StandardCharsets.UTF_8));

        Set<String> arrivingCited = new TreeSet<>();
        List<String> found = findings(root, arrivingCited).stream()
                .map(f -> f.line() + " " + f.cited() + " " + f.problem().split(":")[0]).toList();

        assertThat(found).containsExactly(
                "2 " + document + " a bare document name",
                "3 " + bare + " a bare document name",
                "4 " + outside + " points into the shared folder outside the repository",
                "5 style" + ".md a bare document name",
                "6 docs/missing" + ".md no such file in the repository",
                "7 docs/" + document + " §9.4 no such numbered heading in docs/" + document,
                "7 docs/" + document + " §9.5 no such numbered heading in docs/" + document);
        assertThat(arrivingCited).isEmpty();
    }

    /** Every citation under {@code root} that does not resolve; cited documents listed in ARRIVING go to the set. */
    static List<Finding> findings(Path root, Set<String> arrivingCited) {
        List<Finding> findings = new ArrayList<>();
        Map<Path, Set<String>> headings = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return !dir.equals(root) && (name.equals("target") || name.equals(".git"))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile() && !file.getFileName().toString().equals(".git")) {
                        byte[] bytes = Files.readAllBytes(file);
                        if (!binary(bytes)) {
                            check(root, file, new String(bytes, StandardCharsets.UTF_8), headings, arrivingCited,
                                    findings);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        findings.sort((a, b) -> a.file().equals(b.file()) ? Integer.compare(a.line(), b.line())
                : a.file().compareTo(b.file()));
        return findings;
    }

    private static void check(Path root, Path file, String text, Map<Path, Set<String>> headings,
            Set<String> arrivingCited, List<Finding> findings) {
        String name = root.relativize(file).toString().replace('\\', '/');
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = blankUrls(lines[i]);
            Matcher outside = OUTSIDE.matcher(line);
            boolean pointsOutside = outside.find();
            Matcher m = DOCUMENT.matcher(line);
            while (m.find()) {
                String cited = m.group(1);
                if (pointsOutside && OUTSIDE.matcher(cited).find()) {
                    continue; // reported once below, as what it is
                }
                if (cited.contains("NNNN")) {
                    continue; // a name pattern such as an ADR's, not a citation
                }
                Path target = resolve(root, file, cited);
                if (target == null) {
                    String path = withoutLeadingDots(cited);
                    if (ARRIVING.containsKey(path)) {
                        arrivingCited.add(path);
                    } else {
                        findings.add(new Finding(name, i + 1, cited, cited.contains("/")
                                ? "no such file in the repository"
                                : "a bare document name: cite the repository's document by its path from the root"
                                        + " (docs/…), or write what is needed into docs/"));
                    }
                    continue;
                }
                Matcher sections = SECTIONS.matcher(line.substring(m.end()));
                if (sections.find()) {
                    Set<String> known = headings.computeIfAbsent(target, DocumentReferencesTest::numberedHeadings);
                    for (String section : sections(sections.group())) {
                        if (!known.contains(section)) {
                            findings.add(new Finding(name, i + 1, cited + " §" + section,
                                    "no such numbered heading in " + root.relativize(target).toString()
                                            .replace('\\', '/') + ": keep the document's section numbers"));
                        }
                    }
                }
            }
            if (pointsOutside) {
                findings.add(new Finding(name, i + 1, line.substring(outside.start()).split("[\\s)`'\"]")[0],
                        "points into the shared folder outside the repository: write what is needed into docs/"));
            }
        }
    }

    /** The cited file: from the repository root, or relative to the citing file; null when neither exists. */
    private static Path resolve(Path root, Path file, String cited) {
        Path fromRoot = root.resolve(withoutLeadingDots(cited)).normalize();
        if (fromRoot.startsWith(root) && Files.isRegularFile(fromRoot)) {
            return fromRoot;
        }
        Path fromFile = file.getParent().resolve(cited).normalize();
        if (fromFile.startsWith(root) && Files.isRegularFile(fromFile)) {
            return fromFile;
        }
        return null;
    }

    private static String withoutLeadingDots(String cited) {
        String path = cited;
        while (path.startsWith("./") || path.startsWith("../")) {
            path = path.substring(path.indexOf('/') + 1);
        }
        return path;
    }

    /** "§1.4, §9.4–9.5" → 1.4, 9.4, 9.5; a range within one chapter names every section in it. */
    static Set<String> sections(String references) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = SECTION.matcher(references);
        while (m.find()) {
            String from = m.group(1);
            String to = m.group(2);
            out.add(from);
            if (to != null) {
                String[] a = from.split("\\.");
                String[] b = to.split("\\.");
                if (a.length == 2 && b.length == 2 && a[0].equals(b[0])) {
                    for (int n = Integer.parseInt(a[1]) + 1; n < Integer.parseInt(b[1]); n++) {
                        out.add(a[0] + "." + n);
                    }
                }
                out.add(to);
            }
        }
        return out;
    }

    private static Set<String> numberedHeadings(Path document) {
        Set<String> out = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(document, StandardCharsets.UTF_8)) {
                Matcher m = HEADING.matcher(line);
                if (m.find()) {
                    out.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String blankUrls(String line) {
        return URL.matcher(line).replaceAll(r -> " ".repeat(r.group().length()));
    }

    private static boolean binary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
