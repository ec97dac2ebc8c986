package dev.madoguchi.app.counter;

import dev.madoguchi.domain.Sex;
import dev.madoguchi.store.moveout.MoveOutMember;
import dev.madoguchi.store.moveout.MoveOutRecord;
import dev.madoguchi.store.moveout.MoveOutRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A 転入 finds the person in the pending move-in records, never in the register: a member agrees when the birth date
 * is the same, the name is the same (spacing and width aside, or one substitute character such as 𠮷/吉) and the sex,
 * when both sides know it, is the same. Reads are audited by the store.
 */
public final class MoveOutMatching {

    private MoveOutMatching() {
    }

    static List<MoveOutRecord> find(MoveOutRepository moveOuts, ResidentIdentity identity, LocalDate today) {
        return moveOuts.withMemberBornOn(identity.birthDate(), today).stream()
                .filter(r -> member(r, identity).isPresent()).toList();
    }

    /** The member of the record who is the person identified, if one is. */
    public static Optional<MoveOutMember> member(MoveOutRecord record, ResidentIdentity identity) {
        return record.members().stream().filter(m -> m.birthDate().equals(identity.birthDate())
                && sameName(identity.name(), name(m))
                && (identity.sex() == null || m.sex() == Sex.NOT_APPLICABLE || identity.sex() == m.sex()))
                .findFirst();
    }

    /** Whether a typed name is the same person's name (as a record member's is compared). */
    public static boolean sameNames(String presented, String recorded) {
        return sameName(presented, recorded);
    }

    /** Stricter than the register's flag: at most one substitute character differs (山田/佐藤 is another person). */
    private static boolean sameName(String presented, String recorded) {
        FieldMatch match = TextMatching.compareNames(presented, recorded);
        if (match == FieldMatch.SAME || match == FieldMatch.SAME_WHEN_NORMALISED) {
            return true;
        }
        if (match != FieldMatch.SUBSTITUTE_CHARACTERS) {
            return false;
        }
        int[] a = TextMatching.nameKey(presented).codePoints().toArray();
        int[] b = TextMatching.nameKey(recorded).codePoints().toArray();
        int differing = 0;
        for (int i = 0; i < a.length; i++) {
            differing += a[i] == b[i] ? 0 : 1;
        }
        return differing == 1;
    }

    /** The member's name as the register writes it (a full-width space for Japanese nationals). */
    public static String name(MoveOutMember m) {
        return m.familyName() + (m.nationality() == null ? "\u3000" : " ") + m.givenName();
    }

    public static Mover mover(MoveOutMember m) {
        return new Mover(m.residentCode(), name(m), m.familyNameKana() + "\u3000" + m.givenNameKana(), m.birthDate(),
                m.sex(), m.relationship(), m.nationality(), null, null, null, null, null);
    }
}
