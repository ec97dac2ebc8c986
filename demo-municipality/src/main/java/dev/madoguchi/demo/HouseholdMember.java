package dev.madoguchi.demo;

import dev.madoguchi.demo.NameCatalog.Name;
import dev.madoguchi.demo.NameCatalog.Nationality;
import dev.madoguchi.domain.Sex;
import java.time.LocalDate;

/** A member of a generated household before ids, numbers and the card are assigned ({@link MunicipalityGenerator}). */
final class HouseholdMember {
    final String relationship;
    final Sex sex;
    final LocalDate birth;
    Name familyName;
    Name givenName;
    Nationality nationality;
    String status;
    String category;
    LocalDate periodEnd;
    LocalDate movedIn;
    boolean joinsLater;
    boolean forceCard;
    int forcedTextTries = -1;
    int forcedAuthTries = -1;

    HouseholdMember(String relationship, Sex sex, LocalDate birth) {
        this.relationship = relationship;
        this.sex = sex;
        this.birth = birth;
    }

    /** A member of Japanese nationality with a given name usual for their sex and birth year. */
    static HouseholdMember japanese(DemoRandom random, String relationship, Sex sex, LocalDate birth,
            Name familyName) {
        HouseholdMember person = new HouseholdMember(relationship, sex, birth);
        person.familyName = familyName;
        person.givenName = MunicipalityGenerator.NAMES.givenName(random, sex, birth.getYear());
        return person;
    }

    /** A member of a foreign nationality, named as that nationality names people. */
    static HouseholdMember foreigner(DemoRandom random, String relationship, Sex sex, LocalDate birth,
            Nationality nationality, Name familyName) {
        HouseholdMember person = new HouseholdMember(relationship, sex, birth);
        person.nationality = nationality;
        person.familyName = familyName;
        person.givenName = nationality.givenName(random, sex);
        return person;
    }
}
