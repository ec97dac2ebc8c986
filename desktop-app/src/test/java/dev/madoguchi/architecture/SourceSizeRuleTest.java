package dev.madoguchi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps main source files small; the debt list is {@code oversized-main-sources.txt} beside this test. */
class SourceSizeRuleTest {

    static Map<String, Integer> debt() throws IOException {
        Map<String, Integer> debt = new TreeMap<>();
        try (InputStream in = SourceSizeRuleTest.class.getResourceAsStream("oversized-main-sources.txt")) {
            assertThat(in).as("the debt list on the test class path").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    String[] parts = entry.split("\\s+");
                    debt.put(parts[0], Integer.parseInt(parts[1]));
                }
            }
        }
        return debt;
    }

    @Test
    void noMainSourceFileIsOverTheLimitExceptTheListedDebt() throws IOException {
        Map<String, Integer> sources = SourceTree.mainSourceLines(SourceTree.root());
        assertThat(sources).as("main sources found").hasSizeGreaterThan(100);
        assertThat(SourceSizeRule.violations(sources, debt())).isEmpty();
    }

    @Test
    void aNewFileOverTheLimitFails(@TempDir Path root) throws IOException {
        Path file = root.resolve("newmodule/src/main/java/dev/madoguchi/x/Big.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "//\n".repeat(SourceSizeRule.LIMIT + 1));
        Map<String, Integer> sources = SourceTree.mainSourceLines(root);
        assertThat(sources).containsEntry("newmodule/src/main/java/dev/madoguchi/x/Big.java", SourceSizeRule.LIMIT + 1);
        assertThat(SourceSizeRule.violations(sources, Map.of())).singleElement().asString().contains("Big.java has 401");
        Files.writeString(file, "//\n".repeat(SourceSizeRule.LIMIT));
        assertThat(SourceSizeRule.violations(SourceTree.mainSourceLines(root), Map.of())).isEmpty();
    }

    @Test
    void listedDebtMayShrinkButNotGrowAndLeavesTheListWhenPaid() {
        String file = "m/src/main/java/A.java";
        assertThat(SourceSizeRule.violations(Map.of(file, 500), Map.of(file, 520))).isEmpty();
        assertThat(SourceSizeRule.violations(Map.of(file, 521), Map.of(file, 520))).singleElement().asString()
                .contains("may only shrink");
        assertThat(SourceSizeRule.violations(Map.of(file, 400), Map.of(file, 520))).singleElement().asString()
                .contains("remove it");
        assertThat(SourceSizeRule.violations(Map.of(), Map.of(file, 520))).singleElement().asString()
                .contains("no longer exists");
    }
}
