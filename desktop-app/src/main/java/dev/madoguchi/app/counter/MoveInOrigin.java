package dev.madoguchi.app.counter;

import dev.madoguchi.store.moveout.MoveOutRecord;
import java.time.LocalDate;
import java.util.List;

/**
 * What a 転入 is made from: the 転出証明書's data, either a pending move-in record the store pulled (転出証明書情報, with
 * its id) or a paper 転出証明書 the clerk typed at the counter ({@code typed}, no id). It holds the whole household of
 * the certificate, so that the movers can be chosen again after a draft is resumed without reading the record again.
 * {@link #toString()} shows nothing personal.
 *
 * @param recordId the pending record's id, or null when typed from paper
 * @param typed whether the clerk typed it from a paper 転出証明書 (the forms then name that as the rows' source)
 * @param fromMunicipality the former municipality, or null when not known
 * @param previousAddress 従前の住所
 * @param previousHead the former 世帯主, or null
 * @param plannedMoveDate the 転出予定日, or null
 * @param members everyone on the certificate with their 続柄, in its order
 */
public record MoveInOrigin(String recordId, boolean typed, String fromMunicipality, String previousAddress,
        String previousHead, LocalDate plannedMoveDate, List<Mover> members) {

    public MoveInOrigin {
        members = List.copyOf(members);
    }

    /** A pulled record as the visit keeps it. */
    public static MoveInOrigin of(MoveOutRecord record) {
        return new MoveInOrigin(record.recordId(), false, record.fromMunicipality(), record.previousAddress(),
                record.previousHead(), record.plannedMoveDate(),
                record.members().stream().map(MoveOutMatching::mover).toList());
    }

    /** The source the forms give the rows filled from it. */
    public String source() {
        return typed ? "typed.moveOutCertificate" : "data.moveOut";
    }

    @Override
    public String toString() {
        return "MoveInOrigin[" + (typed ? "typed" : recordId) + ", members=" + members.size() + "]";
    }
}
