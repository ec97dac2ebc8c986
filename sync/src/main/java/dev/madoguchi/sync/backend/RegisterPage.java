package dev.madoguchi.sync.backend;

import dev.madoguchi.store.register.RegisterChange;
import java.util.List;

/** One page of {@code GET /api/v1/register/changes}: the changes, the checkpoint after them, whether more follow. */
public record RegisterPage(List<RegisterChange> changes, String checkpoint, boolean hasMore) {

    public RegisterPage {
        changes = List.copyOf(changes);
    }
}
