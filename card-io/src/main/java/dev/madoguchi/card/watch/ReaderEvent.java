package dev.madoguchi.card.watch;

/** What changed at the readers, as {@link ReaderWatcher} reports it. */
public sealed interface ReaderEvent
        permits ReaderEvent.ReaderAttached, ReaderEvent.ReaderDetached, ReaderEvent.CardInserted,
        ReaderEvent.CardRemoved {

    /** The reader concerned. */
    String reader();

    /** A reader was plugged in (or was there when watching started). */
    record ReaderAttached(String reader) implements ReaderEvent {}

    /** A reader was unplugged. A card on it counts as removed first. */
    record ReaderDetached(String reader) implements ReaderEvent {}

    /** A card was put on a reader (or lay there when watching started). */
    record CardInserted(String reader) implements ReaderEvent {}

    /** A card was taken off a reader. */
    record CardRemoved(String reader) implements ReaderEvent {}
}
