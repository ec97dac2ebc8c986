package dev.madoguchi.app.task;

/**
 * The named threads that own the application's external resources (docs/architecture.md, "Threads"). Work for one
 * resource always runs on its lane, one task at a time, in submission order.
 */
public enum Lane {
    /** Every PC/SC call: readers and cards. Drivers are not reliably thread-safe. */
    CARD_IO("card-io"),
    /** Every write to the local store (and opening it). */
    STORE_WRITER("store-writer"),
    /**
     * The store's local control endpoint (a Unix-domain socket the command line uses while the app holds the store,
     * docs/adr/0009): accepts one request at a time and hands its store work to {@link #STORE_WRITER}.
     */
    STORE_CONTROL("store-control"),
    /** Every call to the backend. */
    SYNC("sync"),
    /** CPU work that owns no resource: rendering, generating, parsing. */
    BACKGROUND("background");

    private final String threadName;

    Lane(String threadName) {
        this.threadName = threadName;
    }

    /** The name of the lane's thread, as seen in logs and thread dumps. */
    public String threadName() {
        return threadName;
    }
}
