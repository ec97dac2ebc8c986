package dev.madoguchi.app.shelter;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.app.shelter.screen.ShelterSteps;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Shelter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: the shelter desk's measuring harness. Runs only with {@code -Dmadoguchi.bench=true}; prints medians,
 * asserts nothing. A household of four, each by card (tries, PIN, read), register candidates confirmed, a care flag,
 * pet, stored in one transaction — through the view models with the inline task runner on the real encrypted store
 * (the test demo municipality of 400 residents) and the simulated reader. The card's own part (tries query and read on
 * the simulated chip, the same calls for the same four cards) is timed apart and subtracted.
 */
class ShelterPerformanceHarness {

    @TempDir
    Path dir;

    @Test
    void householdOfFourByCard() throws Exception {
        assumeTrue(Boolean.getBoolean("madoguchi.bench"), "harness only with -Dmadoguchi.bench=true");
        TimedRecords timed = new TimedRecords();
        try (ShelterFixture fixture = new ShelterFixture(dir, timed::around)) {
            ShelterSteps steps = fixture.steps;
            List<Resident> holders = fixture.demo.municipality().cardHolders().stream()
                    .filter(r -> r.card().textPinTriesLeft() == 3 && r.foreignResidency() == null).limit(4).toList();
            List<Long> total = new ArrayList<>();
            List<Long> matches = new ArrayList<>();
            List<Long> checkIns = new ArrayList<>();
            List<Long> card = new ArrayList<>();
            for (int round = 0; round < 25; round++) {
                Shelter at = new Shelter("B-" + round, "計測 " + round, "", 0, 0, List.of("体育館"), Set.of());
                fixture.records.saveShelter(at);
                steps.desk().chooseShelter(at);
                long start = System.nanoTime();
                for (int i = 0; i < holders.size(); i++) {
                    Resident r = holders.get(i);
                    if (i > 0) {
                        steps.household().addPerson();
                    }
                    fixture.putCard(r);
                    fixture.typePin(r.card().textPin());
                    steps.identify().submitPin();
                    steps.match().confirm(0);
                    if (i == 0) {
                        steps.person().detail(CareKind.ALLERGY).set("卵");
                    }
                    steps.person().done();
                    fixture.takeCard();
                }
                steps.household().petSpeciesProperty().set("犬");
                steps.household().confirm();
                long elapsed = System.nanoTime() - start;
                if (steps.desk().step() != CheckInStep.DONE) {
                    throw new AssertionError("not stored: " + steps.desk().errorProperty().get());
                }
                long cardStart = System.nanoTime();
                for (Resident r : holders) {
                    fixture.reader.place(r.id());
                    steps.desk().cards().pollReaders();
                    steps.desk().cards().pinTriesLeft();
                    steps.desk().cards().readWithPin(r.card().textPin());
                    fixture.reader.remove();
                    steps.desk().cards().pollReaders();
                }
                long cardOnly = System.nanoTime() - cardStart;
                if (round >= 5) { // the first rounds warm the JIT
                    total.add(elapsed);
                    card.add(cardOnly);
                    matches.add(timed.match);
                    checkIns.add(timed.checkIn);
                }
                timed.match = 0;
                timed.checkIn = 0;
                steps.household().nextHousehold();
            }
            List<Long> software = new ArrayList<>();
            for (int i = 0; i < total.size(); i++) {
                software.add(total.get(i) - card.get(i));
            }
            System.out.printf("shelter household of four by card, %d rounds: total median %.1f ms, card part median"
                    + " %.1f ms, without the card median %.1f ms (max %.1f ms)%n", total.size(), median(total),
                    median(card), median(software), Collections.max(software) / 1e6);
            System.out.printf("  of it: four register matches (audited) median %.1f ms, the household's check-in"
                    + " transaction median %.1f ms%n", median(matches), median(checkIns));
        }
    }

    /** The store's records with the time of the register matches and check-ins added up per round. */
    private static final class TimedRecords {
        long match;
        long checkIn;

        ShelterRecords around(ShelterRecords real) {
            return (ShelterRecords) java.lang.reflect.Proxy.newProxyInstance(ShelterRecords.class.getClassLoader(),
                    new Class<?>[] {ShelterRecords.class}, (proxy, method, args) -> {
                        long start = System.nanoTime();
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            long took = System.nanoTime() - start;
                            if (method.getName().equals("match")) {
                                match += took;
                            } else if (method.getName().equals("checkIn")) {
                                checkIn += took;
                            }
                        }
                    });
        }
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
