package dev.madoguchi.backend.register;

import java.util.List;

/** A page of the change feed and the checkpoint to continue from. */
public record ChangePage(List<RegisterChange> changes, Checkpoint checkpoint, boolean hasMore) {

    public ChangePage {
        changes = List.copyOf(changes);
    }
}
