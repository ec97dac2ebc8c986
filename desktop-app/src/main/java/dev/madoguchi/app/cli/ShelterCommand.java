package dev.madoguchi.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.madoguchi.domain.shelter.Coded;
import dev.madoguchi.domain.shelter.Departure;
import dev.madoguchi.domain.shelter.Destination;
import dev.madoguchi.domain.shelter.Present;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterFeature;
import dev.madoguchi.store.LocalStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code madoguchi shelter}: the shelter mode on the command line (docs/shelter.md). Shelter staff or administrators. */
@Command(name = "shelter",
        mixinStandardHelpOptions = true,
        description = {"Evacuation centres (避難所): shelters, check-in and check-out, who is present, the daily",
            "report, rosters and exchange files between laptops. Every command signs in with --clerk (the",
            "passphrase is read from standard input); see docs/shelter.md."},
        subcommands = {ShelterCommand.ListShelters.class, ShelterCommand.Create.class, ShelterCommand.ImportList.class,
            ShelterCheckInCommand.class, ShelterCommand.CheckOut.class, ShelterCommand.PresentList.class,
            ShelterOutputCommands.Report.class, ShelterOutputCommands.Roster.class, ShelterExchangeCommands.Export.class,
            ShelterExchangeCommands.Import.class})
public final class ShelterCommand extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the shelters in the store.")
    static final class ListShelters implements Callable<Integer> {
        @Mixin
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "A JSON array instead of lines.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> {
                PrintWriter out = spec.commandLine().getOut();
                List<Shelter> shelters = store.shelter().shelters();
                java.util.Map<String, java.time.Instant> withdrawn = store.shelter().withdrawn();
                if (json) {
                    ArrayNode all = ShelterShapes.MAPPER.createArrayNode();
                    for (Shelter s : shelters) {
                        var shape = ShelterShapes.shelter(s);
                        if (withdrawn.containsKey(s.id())) {
                            shape.put("withdrawnAt", withdrawn.get(s.id()).toString());
                        }
                        all.add(shape);
                    }
                    out.println(ShelterShapes.write(all));
                } else {
                    for (Shelter s : shelters) { // a withdrawn one: dropped from the municipality's list (ADR 0028)
                        out.printf("%s\t%s\tday %d\tnight %d%s%n", s.id(), s.name(), s.dayCapacity(),
                                s.nightCapacity(), withdrawn.containsKey(s.id()) ? "\t市の一覧から外れました"
                                        + " (withdrawn " + withdrawn.get(s.id()) + ": no new check-ins)" : "");
                    }
                }
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates (or updates) a shelter on the spot.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Option(names = "--id", required = true, description = "Letters, digits, '-', '_' (at most 40).")
        String id;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--capacity", paramLabel = "N", description = "People by day (and by night unless"
                + " --night-capacity is given).")
        int capacity;

        @Option(names = "--night-capacity", paramLabel = "N")
        Integer nightCapacity;

        @Option(names = "--address")
        String address;

        @Option(names = "--space", paramLabel = "SPACE", description = "A space people are placed in (repeatable).")
        List<String> spaces = new ArrayList<>();

        @Option(names = "--feature", paramLabel = "FEATURE",
                description = "accessible-toilet, pets-allowed or welfare-shelter (repeatable).")
        List<String> features = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Set<ShelterFeature> chosen = EnumSet.noneOf(ShelterFeature.class);
            Shelter shelter;
            try {
                features.forEach(f -> chosen.add(Coded.parse(ShelterFeature.class, f)));
                shelter = new Shelter(id, name, address, capacity, nightCapacity == null ? capacity : nightCapacity,
                        spaces, chosen);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            return clerk.run(store -> {
                store.shelter().saveShelter(shelter);
                spec.commandLine().getOut().printf("saved shelter %s%n", shelter.id());
                return 0;
            });
        }
    }

    @Command(name = "import-list", mixinStandardHelpOptions = true,
            description = {"Imports a municipality's shelter list: a JSON array of shelters (.json) or CSV (.csv)",
                "with the header id,name,address,dayCapacity,nightCapacity,spaces,features (spaces and",
                "features separated by '|'). All of it or nothing; existing shelters are updated."})
    static final class ImportList implements Callable<Integer> {
        @Mixin
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            List<Shelter> shelters = ShelterListFile.read(file);
            return clerk.run(store -> {
                shelters.forEach(store.shelter()::saveShelter);
                spec.commandLine().getOut().printf("imported %d shelters%n", shelters.size());
                return 0;
            });
        }
    }

    @Command(name = "check-out", mixinStandardHelpOptions = true,
            description = "Checks a person out; --to other-shelter with --target transfers them.")
    static final class CheckOut implements Callable<Integer> {
        @Mixin
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Option(names = "--shelter", required = true, paramLabel = "ID")
        String shelter;

        @Option(names = "--person", required = true, paramLabel = "PERSON-ID")
        String person;

        @Option(names = "--to", paramLabel = "DESTINATION", defaultValue = "unknown",
                description = "home, relatives, other-shelter, hospital or unknown (default).")
        String to;

        @Option(names = "--target", paramLabel = "SHELTER-ID", description = "The shelter of a transfer.")
        String target;

        @Override
        public Integer call() throws Exception {
            Departure departure;
            try {
                departure = new Departure(person, Coded.parse(Destination.class, to), target);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            return clerk.run(store -> {
                store.shelter().checkOut(shelter, departure);
                spec.commandLine().getOut().printf("checked out %s (%s)%n", person, departure.destination().code());
                return 0;
            });
        }
    }

    @Command(name = "present", mixinStandardHelpOptions = true,
            description = "Who is checked in and not checked out, wherever they stay, with the counts.")
    static final class PresentList implements Callable<Integer>, CliErrors.JsonFailures {
        @Mixin
        ClerkSession clerk;

        @Spec
        CommandSpec spec;

        @Option(names = "--shelter", required = true, paramLabel = "ID")
        String shelter;

        @Option(names = "--json", description = "The shape of docs/shelter.md instead of lines.")
        boolean json;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
        Path out;

        @Override
        public boolean failuresAsJson() {
            return json;
        }

        @Override
        public Integer call() throws Exception {
            return clerk.run(store -> {
                Present present = store.shelter().present(shelter);
                try (Writer w = output(spec, out)) {
                    if (json) {
                        w.write(ShelterShapes.write(ShelterShapes.present(present)) + "\n");
                    } else {
                        w.write(String.format("present %d, households %d, day %d, night %d%n", present.present(),
                                present.households(), present.day(), present.night()));
                        for (PresentPerson p : present.people()) {
                            w.write(String.join("\t", p.personId(), p.householdId(), p.person().name(),
                                    p.person().kana(), String.valueOf(p.person().birthDate()), p.stay().code(),
                                    p.space()) + "\n");
                        }
                    }
                }
                store.shelter().recordExport(shelter, json ? "present list json" : "present list",
                        present.people().size());
                return 0;
            });
        }
    }

    /** Standard output, or the file given with {@code --out} (UTF-8). The caller closes it. */
    static Writer output(CommandSpec spec, Path out) throws IOException {
        if (out == null) {
            PrintWriter std = spec.commandLine().getOut();
            return new java.io.FilterWriter(std) {
                @Override
                public void close() {
                    std.flush();
                }
            };
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }

    /** The municipality code: the option, else the store's setting {@code municipality.code}. */
    static String municipality(LocalStore store, String option) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        return dev.madoguchi.app.shelter.StoreShelterRecords.municipality(store);
    }
}
