package dev.madoguchi.app.cli;

import dev.madoguchi.store.register.ImportProgress;
import dev.madoguchi.store.register.RegisterFormat;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code madoguchi store import}: replaces the register copy by a snapshot file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Replaces the register copy by a snapshot in the CSV or JSON-lines format of",
            "docs/howto/import-a-register.md (administrators only); all of it or nothing. The format follows",
            "the extension (.csv, .jsonl, .ndjson) unless --format says it. Progress goes to standard error."})
final class StoreImportCommand implements Callable<Integer> {

    @Mixin
    ClerkSession clerk;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", description = "CSV or JSON_LINES (default: by extension).")
    RegisterFormat format;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws Exception {
        RegisterFormat chosen = format != null ? format : RegisterFormat.byExtension(file).orElseThrow(() ->
                new ParameterException(spec.commandLine(),
                        "cannot tell the format from the file name; give --format CSV or --format JSON_LINES"));
        return clerk.run(store -> {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                PrintWriter err = spec.commandLine().getErr();
                long started = System.nanoTime();
                long n = store.register().replaceAll(List.of(), chosen.reader(in), new ImportProgress() {
                    @Override
                    public void imported(long count) {
                        if (count % 100_000 == 0) {
                            err.printf("imported %d residents…%n", count);
                        }
                    }

                    @Override
                    public void stage(Stage stage) {
                        if (stage != Stage.LOADING_RESIDENTS) {
                            err.printf("%s…%n", stage == Stage.BUILDING_KEYS ? "building the lookup keys"
                                    : "removing the previous copy");
                        }
                    }
                });
                spec.commandLine().getOut().printf("imported %d residents, %d households in %.1f s%n", n,
                        store.register().householdCount(), (System.nanoTime() - started) / 1e9);
            }
            return 0;
        });
    }
}
