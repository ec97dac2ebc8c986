package dev.madoguchi.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.backend.cli.BackendMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./madoguchi backend add-terminal|list-terminals|revoke-terminal|rotate-terminal} on a data directory. */
class BackendMainTest {

    @TempDir
    Path temp;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = BackendMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void addTerminalPrintsATokenOnceThatTheServerAccepts() throws Exception {
        String dir = temp.toString();
        Run added = run("add-terminal", "COUNTER-01", "--data-dir", dir);
        assertThat(added.exit()).as(added.err()).isZero();
        String token = added.out().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(token).matches("COUNTER-01\\.[A-Za-z0-9_-]{43}");

        Run again = run("add-terminal", "COUNTER-01", "--data-dir", dir);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already registered").doesNotContain("Exception");

        Run list = run("list-terminals", "--data-dir", dir);
        assertThat(list.out()).contains("COUNTER-01\tactive since").doesNotContain(token.substring(11));

        BackendConfig config = BackendConfig.builder(BackendConfig.h2FileUrl(temp)).port(0).demoResidents(0).build();
        try (ReferenceBackend backend = ReferenceBackend.start(config)) {
            ApiClient api = new ApiClient(backend.baseUri(), token);
            assertThat(api.get("api/v1/register/changes").statusCode()).isEqualTo(200);
        }

        assertThat(run("revoke-terminal", "COUNTER-01", "--data-dir", dir).exit()).isZero();
        assertThat(run("list-terminals", "--data-dir", dir).out()).contains("COUNTER-01\trevoked");
        try (ReferenceBackend backend = ReferenceBackend.start(config)) {
            assertThat(new ApiClient(backend.baseUri(), token).get("api/v1/register/changes").statusCode())
                    .isEqualTo(403);
        }
        Run rotated = run("rotate-terminal", "COUNTER-01", "--data-dir", dir);
        assertThat(rotated.exit()).isZero();
        assertThat(rotated.out().lines().reduce((a, b) -> b).orElseThrow()).startsWith("COUNTER-01.").isNotEqualTo(token);
    }

    @Test
    void badArgumentsAreOneLineUsageErrors() {
        Run badId = run("add-terminal", "has space", "--data-dir", temp.toString());
        assertThat(badId.exit()).isEqualTo(1);
        assertThat(badId.err().strip()).contains("terminal id").doesNotContain("\n");
        Run unknown = run("--frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        Run badDb = run("list-terminals", "--db", "jdbc:mysql://x/y");
        assertThat(badDb.exit()).isEqualTo(1);
        assertThat(badDb.err()).contains("unsupported database URL");
    }
}
