package dev.madoguchi.app.cli;

import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code madoguchi shelter check-in --data FILE.jsonl}: the paper backlog, one household per line. Each good line is
 * one household checked in (its own transaction); a bad line — unknown key, impossible date, missing name, someone
 * already present (same name and birth date), a duplicate inside the file — is flagged on standard error with its line
 * number and the rest are saved. Exit code 0 when every line was saved, 1 when a line was flagged.
 */
@Command(name = "check-in", mixinStandardHelpOptions = true,
        description = {"Checks in the households of a backlog file (JSON lines, one household per line; keys in",
            "docs/shelter.md). Bad lines are flagged with their line number on standard error, the rest saved."})
final class ShelterCheckInCommand implements Callable<Integer> {

    @Mixin
    ClerkSession clerk;

    @Spec
    CommandSpec spec;

    @Option(names = "--shelter", required = true, paramLabel = "ID")
    String shelter;

    @Option(names = "--data", required = true, paramLabel = "FILE.jsonl")
    Path data;

    @Override
    public Integer call() throws Exception {
        ShelterBacklog.Read read;
        try (BufferedReader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            read = ShelterBacklog.read(in);
        }
        return clerk.run(store -> {
            if (store.shelter().shelter(shelter).isEmpty()) {
                throw new StoreException(StoreError.UNKNOWN_SHELTER, "no shelter " + shelter, null);
            }
            Set<String> present = new HashSet<>();
            for (PresentPerson p : store.shelter().present(shelter).people()) {
                present.add(key(p.person()));
            }
            List<ShelterBacklog.Flagged> flagged = new ArrayList<>(read.flagged());
            int households = 0;
            int people = 0;
            for (ShelterBacklog.Row row : read.rows()) {
                Arrival a = row.arrival();
                String duplicate = null;
                Set<String> inRow = new HashSet<>();
                for (int i = 0; i < a.members().size(); i++) {
                    String k = key(a.members().get(i));
                    if (present.contains(k) || !inRow.add(k)) {
                        duplicate = "members[" + (i + 1) + "]: already present (same name and birth date)";
                        break;
                    }
                }
                if (duplicate != null) {
                    flagged.add(new ShelterBacklog.Flagged(row.line(), duplicate));
                    continue;
                }
                try {
                    store.shelter().checkIn(shelter, a);
                    households++;
                    people += a.members().size();
                    present.addAll(inRow);
                } catch (StoreException e) {
                    if (e.error() != StoreError.ALREADY_CHECKED_IN && e.error() != StoreError.BAD_INPUT) {
                        throw e;
                    }
                    flagged.add(new ShelterBacklog.Flagged(row.line(), e.error().code() + " already present"));
                }
            }
            flagged.sort(java.util.Comparator.comparingInt(ShelterBacklog.Flagged::line));
            PrintWriter err = spec.commandLine().getErr();
            for (ShelterBacklog.Flagged f : flagged) {
                err.printf("line %d: %s%n", f.line(), f.problem());
            }
            err.flush();
            spec.commandLine().getOut().printf("checked in %d households (%d people); %d lines flagged%n", households,
                    people, flagged.size());
            return flagged.isEmpty() ? 0 : CliErrors.FAILURE;
        });
    }

    /** Name (spaces ignored) and birth date: how a person typed twice from paper is recognised. */
    private static String key(Evacuee e) {
        return e.name().replaceAll("[\\s　]", "") + "|" + e.birthDate();
    }
}
