package dev.madoguchi.app.shelter;

import dev.madoguchi.app.counter.RegisterMatch;
import dev.madoguchi.app.counter.RegisterMatchService;
import dev.madoguchi.app.counter.ResidentIdentity;
import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.store.LocalStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Shelters and arrivals kept in memory; the register match on the real store. */
final class MemoryShelterRecords implements ShelterRecords {

    final Map<String, Shelter> shelters = new LinkedHashMap<>();
    final List<Arrival> arrivals = new ArrayList<>();
    private final Supplier<Optional<LocalStore>> store;

    MemoryShelterRecords(Supplier<Optional<LocalStore>> store) {
        this.store = store;
    }

    @Override
    public List<Shelter> shelters() {
        return List.copyOf(shelters.values());
    }

    @Override
    public void saveShelter(Shelter shelter) {
        shelters.put(shelter.id(), shelter);
    }

    @Override
    public List<String> checkIn(String shelterId, Arrival arrival) {
        arrivals.add(arrival);
        return arrival.members().stream().map(Evacuee::personId).toList();
    }

    @Override
    public RegisterMatch match(ResidentIdentity identity) {
        return new RegisterMatchService().find(store.get().orElseThrow().register(), identity);
    }
}
