package dev.madoguchi.app.counter;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.register.RegisterResident;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One person who moves, as a row of the 住民異動届's {@code movers} group: from the register (a 転居 or 転出) or from
 * a move-out record (a 転入). {@link #toString()} shows nothing personal.
 *
 * @param nationality null for Japanese nationals; the other foreign-resident items (住基法30条の45) follow it
 * @param periodOfStay 在留期間 in words (e.g. 3年), or null
 * @param foreignCategory the 30条の45 category (中長期在留者, 特別永住者, …), or null
 */
public record Mover(String residentCode, String name, String nameKana, LocalDate birthDate, Sex sex,
        String relationship, String nationality, String residenceStatus, String periodOfStay, LocalDate stayExpiry,
        String residenceCardNumber, String foreignCategory) {

    public static Mover of(RegisterResident r) {
        return new Mover(r.residentCode(), RegisterMatchService.registerName(r),
                r.familyNameKana() + "\u3000" + r.givenNameKana(), r.birthDate(), r.sex(), r.relationship(),
                r.nationality(), r.statusOfResidence(), null, r.periodOfStayEnd(), r.residenceCardNumber(),
                r.foreignCategory());
    }

    /** The same person as the 世帯主 of the household the movers form (the 続柄 of their row becomes 世帯主). */
    public Mover asHead() {
        return withRelationship("世帯主");
    }

    /** The same person with another 続柄 (null: not known, the row's 続柄 is left for the clerk). */
    public Mover withRelationship(String relationship) {
        return new Mover(residentCode, name, nameKana, birthDate, sex, relationship, nationality, residenceStatus,
                periodOfStay, stayExpiry, residenceCardNumber, foreignCategory);
    }

    /** The row's values by the group's field ids; absent items are left out. */
    public Map<String, String> row() {
        Map<String, String> row = new LinkedHashMap<>();
        put(row, "name", name);
        put(row, "nameKana", nameKana);
        put(row, "birthDate", birthDate);
        put(row, "sex", sex == Sex.MALE ? "男" : sex == Sex.FEMALE ? "女" : null);
        put(row, "relationship", relationship);
        put(row, "residentCode", residentCode);
        put(row, "nationality", nationality);
        put(row, "residenceStatus", residenceStatus);
        put(row, "periodOfStay", periodOfStay);
        put(row, "stayExpiry", stayExpiry);
        put(row, "residenceCardNumber", residenceCardNumber);
        put(row, "foreignCategory", foreignCategory);
        return row;
    }

    private static void put(Map<String, String> row, String key, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            row.put(key, value.toString());
        }
    }

    @Override
    public String toString() {
        return "Mover[…]";
    }
}
