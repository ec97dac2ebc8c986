package dev.madoguchi.app.shelter;

import dev.madoguchi.domain.shelter.Arrival;
import dev.madoguchi.domain.shelter.Evacuee;
import dev.madoguchi.domain.shelter.Pet;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.domain.shelter.Stay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One household's check-in as one immutable value (the shelter's counterpart of the counter's {@code Visit}): the
 * shelter, the household id, the members confirmed so far, the person being added, where they stay, pets and vehicle,
 * and the step. The coordinator replaces it as the steps advance; it becomes one {@link Arrival}, stored in one
 * transaction.
 *
 * @param current the person being identified or detailed, or null
 * @param stored the person ids the store gave back, empty until stored
 */
public record HouseholdCheckIn(Shelter shelter, String householdId, List<Evacuee> members, PersonDraft current,
        Stay stay, String space, List<Pet> pets, String vehicle, CheckInStep step, List<String> stored) {

    public HouseholdCheckIn {
        Objects.requireNonNull(step, "step");
        members = List.copyOf(members);
        pets = List.copyOf(pets);
        stored = List.copyOf(stored);
        stay = stay == null ? Stay.SHELTER : stay;
        space = space == null ? "" : space;
        vehicle = vehicle == null ? "" : vehicle;
    }

    /** A new household at {@code shelter} (null: none chosen yet), waiting for its first person. */
    public static HouseholdCheckIn start(Shelter shelter, String householdId) {
        return new HouseholdCheckIn(shelter, householdId, List.of(), null, Stay.SHELTER,
                shelter == null || shelter.spaces().isEmpty() ? "" : shelter.spaces().get(0), List.of(), "",
                shelter == null ? CheckInStep.CHOOSE_SHELTER : CheckInStep.IDENTIFY, List.of());
    }

    public HouseholdCheckIn withStep(CheckInStep now) {
        return new HouseholdCheckIn(shelter, householdId, members, current, stay, space, pets, vehicle, now, stored);
    }

    public HouseholdCheckIn withCurrent(PersonDraft person) {
        return new HouseholdCheckIn(shelter, householdId, members, person, stay, space, pets, vehicle, step, stored);
    }

    /** The current person, detailed, joins the household. */
    public HouseholdCheckIn withMember(Evacuee person) {
        List<Evacuee> now = new ArrayList<>(members);
        now.removeIf(m -> m.personId().equals(person.personId()));
        now.add(person);
        return new HouseholdCheckIn(shelter, householdId, now, null, stay, space, pets, vehicle, step, stored);
    }

    public HouseholdCheckIn withoutMember(String personId) {
        List<Evacuee> now = new ArrayList<>(members);
        now.removeIf(m -> m.personId().equals(personId));
        return new HouseholdCheckIn(shelter, householdId, now, current, stay, space, pets, vehicle, step, stored);
    }

    public HouseholdCheckIn withHousehold(Stay newStay, String newSpace, List<Pet> newPets, String newVehicle) {
        return new HouseholdCheckIn(shelter, householdId, members, current, newStay,
                newStay == Stay.SHELTER ? newSpace : "", newPets, newVehicle, step, stored);
    }

    public HouseholdCheckIn withStored(List<String> personIds) {
        return new HouseholdCheckIn(shelter, householdId, members, null, stay, space, pets, vehicle, CheckInStep.DONE,
                personIds);
    }

    /** What is stored: the household as one arrival. */
    public Arrival arrival() {
        return new Arrival(householdId, stay, space, pets, vehicle, members);
    }

    /** Whether anyone or anything personal has been recorded yet (leaving asks first). */
    public boolean holdsPersonalData() {
        return !members.isEmpty() || current != null;
    }

    @Override
    public String toString() {
        return "HouseholdCheckIn[" + step + ", members=" + members.size() + "]";
    }
}
