package dev.madoguchi.store.moveout;

import java.time.LocalDate;
import java.util.List;

/**
 * A pending move-in record (転出証明書情報): the data another municipality sent through 住基ネット after the resident
 * filed their 転出 there, before the resident comes to this counter. A 転入 takes 従前の住所 and the household from it.
 * {@link #toString()} shows nothing personal.
 *
 * @param fromMunicipality the former municipality's name
 * @param previousAddress the address the people lived at there (従前の住所)
 * @param previousHead the 世帯主 there, or null
 * @param plannedMoveDate the 転出予定日 they gave
 * @param validUntil after this day the record is no longer used and is purged
 * @param members who moves, the one who filed first
 */
public record MoveOutRecord(String recordId, String fromMunicipality, String previousAddress, String previousHead,
        LocalDate plannedMoveDate, LocalDate validUntil, List<MoveOutMember> members) {

    public MoveOutRecord {
        members = List.copyOf(members);
    }

    @Override
    public String toString() {
        return "MoveOutRecord[" + recordId + ", members=" + members.size() + "]";
    }
}
