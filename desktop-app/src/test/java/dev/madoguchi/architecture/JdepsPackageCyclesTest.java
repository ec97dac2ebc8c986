package dev.madoguchi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * A second, independent look at package cycles: the JDK's {@code jdeps -verbose:package} on the built classes of every
 * module on this test class path, and a strongly-connected-components search over its edges. It must agree with
 * {@link PackageRulesTest} (ArchUnit); the same check by hand: {@code jdeps -verbose:package} on each module's {@code target/classes}.
 */
class JdepsPackageCyclesTest {

    @Test
    void jdepsFindsNoPackageCycleInTheBuiltModules() {
        List<String> archives = productionArchives();
        assertThat(archives).as("the modules' built classes on the test class path").hasSizeGreaterThanOrEqualTo(7);
        List<Set<String>> cycles = PackageGraph.cycles(packageEdges(archives, "dev.madoguchi"));
        assertThat(cycles).as("package cycles that jdeps finds").isEmpty();
    }

    @Test
    void theJdepsCheckFindsTheDeliberateOffender() throws Exception {
        Path testClasses = Path.of(JdepsPackageCyclesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Set<String>> cycles = PackageGraph.cycles(
                packageEdges(List.of(testClasses.toString()), "dev.madoguchi.architecture.offender"));
        assertThat(cycles).containsExactly(
                Set.of("dev.madoguchi.architecture.offender.a", "dev.madoguchi.architecture.offender.b"));
    }

    /** Directories and jars of this repository's modules on the class path, test output left out. */
    static List<String> productionArchives() {
        Path root = SourceTree.root().toAbsolutePath().normalize();
        List<String> archives = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            String name = path.getFileName().toString();
            if (path.startsWith(root) && Files.exists(path) && !name.equals("test-classes") && !name.endsWith("-tests.jar")) {
                archives.add(path.toString());
            }
        }
        return archives;
    }

    /** Package → packages it uses, both under {@code prefix}, as {@code jdeps -verbose:package} reports them. */
    static Map<String, Set<String>> packageEdges(List<String> archives, String prefix) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        List<String> args = new ArrayList<>(List.of("-verbose:package", "-filter:none"));
        args.addAll(archives);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(exit).as("jdeps exit status; stderr: " + err).isZero();
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 3 && parts[1].equals("->") && inside(parts[0], prefix) && inside(parts[2], prefix)
                    && !parts[0].equals(parts[2])) {
                edges.computeIfAbsent(parts[0], p -> new TreeSet<>()).add(parts[2]);
            }
        }
        return edges;
    }

    private static boolean inside(String pkg, String prefix) {
        return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
    }
}
