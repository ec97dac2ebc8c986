package dev.madoguchi.app.shelter;

import dev.madoguchi.app.counter.CounterError;
import dev.madoguchi.app.counter.CounterException;
import dev.madoguchi.app.counter.RegisterMatch;
import dev.madoguchi.app.counter.RegisterMatchService;
import dev.madoguchi.app.counter.ResidentIdentity;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.Departure;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.Present;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.ShelterReport;
import dev.madoguchi.domain.shelter.Stay;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.shelter.ShelterExchange;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** {@link ShelterRecords} over the signed-in clerk's store ({@code store.shelter.ShelterRepository}). */
public final class StoreShelterRecords implements ShelterRecords {

    private final Supplier<Optional<LocalStore>> store;
    private final RegisterMatchService matcher = new RegisterMatchService();

    /** @param store the store the signed-in clerk opened (empty when nobody is signed in) */
    public StoreShelterRecords(Supplier<Optional<LocalStore>> store) {
        this.store = store;
    }

    private LocalStore open() {
        return store.get().orElseThrow(() -> new StoreException(StoreError.NO_STORE, "no clerk is signed in", null));
    }

    @Override
    public List<Shelter> shelters() {
        return open().shelter().shelters();
    }

    @Override
    public java.util.Set<String> withdrawn() {
        return open().shelter().withdrawn().keySet();
    }

    @Override
    public void saveShelter(Shelter shelter) {
        open().shelter().saveShelter(shelter);
    }

    @Override
    public List<String> checkIn(String shelterId, Arrival arrival) {
        return open().shelter().checkIn(shelterId, arrival).personIds();
    }

    @Override
    public void checkOut(String shelterId, Departure departure) {
        open().shelter().checkOut(shelterId, departure);
    }

    @Override
    public void setPresence(String shelterId, String personId, boolean day, boolean night) {
        open().shelter().setPresence(shelterId, personId, day, night);
    }

    @Override
    public void setPresence(String shelterId, List<String> personIds, Boolean day, Boolean night) {
        open().shelter().setPresence(shelterId, personIds, day, night);
    }

    @Override
    public void correct(String shelterId, Evacuee corrected, Stay stay, String space) {
        open().shelter().correct(shelterId, corrected, stay, space);
    }

    @Override
    public void leaveHousehold(String shelterId, String personId, String newHouseholdId) {
        open().shelter().leaveHousehold(shelterId, personId, newHouseholdId);
    }

    @Override
    public List<PersonEvent> history(String shelterId, String personId) {
        return open().shelter().history(shelterId, personId).stream().map(e -> new PersonEvent(e.kind(),
                e.recordedAt(), e.originTerminal(), e.data().path("household").asText(""),
                e.data().path("destination").asText(""), e.data().path("day").asBoolean(false),
                e.data().path("night").asBoolean(false))).toList();
    }

    @Override
    public Present present(String shelterId) {
        return open().shelter().present(shelterId);
    }

    @Override
    public ShelterReport report(String shelterId, LocalDate date) {
        return open().shelter().report(shelterId, date);
    }

    @Override
    public void recordExport(String shelterId, String what, int rows) {
        open().shelter().recordExport(shelterId, what, rows);
    }

    @Override
    public RegisterMatch match(ResidentIdentity identity) {
        return matcher.find(open().register(), identity);
    }

    @Override
    public String exchangeFingerprint() {
        return open().shelterExchange().fingerprint();
    }

    @Override
    public ShelterExchange.Sender inspectExchange(Path file) {
        LocalStore store = open();
        return store.shelterExchange().inspect(file, municipality(store));
    }

    @Override
    public ShelterExchange.Export exportExchange(Path file, char[] passphrase) {
        LocalStore store = open();
        Path folder = file.toAbsolutePath().getParent();
        try {
            java.nio.file.Files.createDirectories(folder);
        } catch (java.io.IOException | RuntimeException e) {
            throw new CounterException(CounterError.EXPORT_FILE, "cannot make the folder for the exchange file: " + e,
                    e);
        }
        if (!java.nio.file.Files.isWritable(folder)) {
            throw new CounterException(CounterError.EXPORT_FILE, "the exchange file's folder is not writable", null);
        }
        return store.shelterExchange().export(file, passphrase, municipality(store), 0);
    }

    @Override
    public ShelterExchange.Import importExchange(Path file, char[] passphrase, Set<String> trust) {
        LocalStore store = open();
        return store.shelterExchange().importFile(file, passphrase, municipality(store), trust);
    }

    /**
     * The municipality code exchange files are written for and accepted from: the store's setting
     * {@code municipality.code} (written by {@code madoguchi setup}; the demo store has the demo municipality's).
     *
     * @throws StoreException {@link StoreError#NO_MUNICIPALITY_CODE} when the store has none
     */
    public static String municipality(LocalStore store) {
        return store.settings().get("municipality.code").filter(code -> !code.isBlank()).orElseThrow(
                () -> new StoreException(StoreError.NO_MUNICIPALITY_CODE, "no municipality code in the store", null));
    }
}
