package dev.madoguchi.store.shelter;

/**
 * What staff enter when a person arrives: who (a register id when matched by card or search, else only the name as
 * given), which household they came with, care needs (要配慮者) and pets. The name is not printed by
 * {@link #toString()}.
 *
 * @param evacueeId this shelter's id for the person (e.g. from the card or a QR, else generated)
 * @param householdKey groups people who arrived together as a household
 */
public record ShelterCheckIn(String shelterId, String evacueeId, String householdKey, String residentId,
        String displayName, boolean careNeeded, int petCount) {

    public ShelterCheckIn {
        if (petCount < 0) {
            throw new IllegalArgumentException("a pet count is not negative");
        }
    }

    @Override
    public String toString() {
        return "ShelterCheckIn[" + shelterId + ", " + evacueeId + ", household " + householdKey + "]";
    }
}
