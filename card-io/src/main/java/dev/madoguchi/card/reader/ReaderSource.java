package dev.madoguchi.card.reader;

/** Where readers come from. */
public enum ReaderSource {
    /** Real readers through the operating system's PC/SC service (pcscd, WinSCard, CryptoTokenKit). */
    PCSC,
    /** The in-process simulated reader with demo cards (demo mode and tests). */
    SIMULATED
}
