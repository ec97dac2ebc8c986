package dev.madoguchi.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/** The default municipality, generated once for all test classes, and small helpers. */
final class Fixtures {

    static final DemoMunicipality DEFAULT = DemoMunicipality.generateDefault();
    static final List<Resident> RESIDENTS = DEFAULT.residents();
    static final LocalDate TODAY = DemoMunicipality.REFERENCE_DATE;

    private Fixtures() {
    }

    static long yearsBetween(LocalDate older, LocalDate younger) {
        return ChronoUnit.YEARS.between(older, younger);
    }

    static long age(Resident resident) {
        return yearsBetween(resident.birthDate(), TODAY);
    }

    static List<Resident> withRelationship(List<Resident> members, String relationship) {
        return members.stream().filter(r -> r.relationship().equals(relationship)).collect(Collectors.toList());
    }

    /** Every field of the municipality, one line per household and resident, '|' between fields. */
    static String canonicalText(DemoMunicipality municipality) {
        StringBuilder out = new StringBuilder();
        out.append(municipality.seed()).append('|').append(municipality.localGovernmentCode()).append('|')
                .append(municipality.prefecture()).append('|').append(municipality.city()).append('\n');
        for (Household household : municipality.households()) {
            join(out, household.id(), household.headResidentId(), household.address(), household.postalCode());
        }
        for (Resident r : municipality.residents()) {
            ForeignResidency f = r.foreignResidency();
            DemoCard c = r.card();
            join(out, r.id(), r.residentCode(), r.myNumber(), r.householdId(), r.relationship(), r.familyName(),
                    r.givenName(), r.familyNameKana(), r.givenNameKana(), r.birthDate(), r.sex(), r.address(),
                    r.postalCode(), r.movedInOn(),
                    f == null ? "-" : f.nationality(), f == null ? "-" : f.statusOfResidence(),
                    f == null ? "-" : f.periodOfStayEnd(), f == null ? "-" : f.residenceCardNumber(),
                    f == null ? "-" : f.category(),
                    c == null ? "-" : c.nameOnCard(), c == null ? "-" : c.addressOnCard(),
                    c == null ? "-" : c.expiryDate(), c == null ? "-" : c.securityCode(),
                    c == null ? "-" : c.textPin(), c == null ? "-" : c.authPin(),
                    c == null ? "-" : c.signPassword(), c == null ? "-" : c.textPinTriesLeft(),
                    c == null ? "-" : c.authPinTriesLeft(), c == null ? "-" : c.signPasswordTriesLeft());
        }
        return out.toString();
    }

    private static void join(StringBuilder out, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('|');
            }
            out.append(fields[i]);
        }
        out.append('\n');
    }
}
