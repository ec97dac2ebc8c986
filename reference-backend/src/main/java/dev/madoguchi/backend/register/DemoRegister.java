package dev.madoguchi.backend.register;

import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Household;
import dev.madoguchi.demo.Resident;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The demo municipality in the backend's register terms (its My Numbers are left out). */
public final class DemoRegister {

    private DemoRegister() {
    }

    /** Every resident of the municipality, in register order. */
    public static List<RegisterResident> residentsOf(DemoMunicipality municipality) {
        Map<String, Household> households = new HashMap<>();
        for (Household h : municipality.households()) {
            households.put(h.id(), h);
        }
        return municipality.residents().stream().map(r -> toRegister(r, households.get(r.householdId()))).toList();
    }

    /** What identifies a demo municipality's data: {@code demo:<seed>:<residents>}. */
    public static String snapshotId(long seed, int residents) {
        return "demo:" + seed + ":" + residents;
    }

    private static RegisterResident toRegister(Resident r, Household household) {
        var foreign = r.foreignResidency();
        return new RegisterResident(r.id(), r.residentCode(), r.householdId(), r.relationship(), r.familyName(),
                r.givenName(), r.familyNameKana(), r.givenNameKana(), r.birthDate(), r.sex(), r.postalCode(),
                r.address(), r.movedInOn(), household.headResidentId(), household.address(),
                foreign == null ? null : foreign.nationality(),
                foreign == null ? null : foreign.statusOfResidence(),
                foreign == null ? null : foreign.periodOfStayEnd(),
                foreign == null ? null : foreign.residenceCardNumber(),
                foreign == null ? null : foreign.category());
    }
}
