package dev.madoguchi.sync.backend;

import dev.madoguchi.store.moveout.MoveOutRecord;
import java.util.List;

/**
 * One page of {@code GET /api/v1/move-outs/pending}: the records fit to store, the ones refused (record id and why:
 * malformed, expired, another municipality's — never stored), the checkpoint after the page, whether more follow.
 */
public record MoveOutPage(List<MoveOutRecord> records, List<String> refusals, String checkpoint, boolean hasMore) {

    public MoveOutPage {
        records = List.copyOf(records);
        refusals = List.copyOf(refusals);
    }
}
