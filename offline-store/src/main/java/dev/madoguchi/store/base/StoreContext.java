package dev.madoguchi.store.base;

import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditJournal;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.keys.ColumnCipher;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * What every repository of one open store shares: the connection pool, the signed-in clerk, the audit journal, the
 * My Number column cipher and the clock. Built only by the store facade ({@code LocalStore}) when a clerk signs in.
 */
public final class StoreContext {

    private final DataSource dataSource;
    private final Clerk clerk;
    private final AuditJournal audit;
    private final ColumnCipher myNumbers;
    private final Clock clock;
    private final java.nio.file.Path directory;

    public StoreContext(DataSource dataSource, Clerk clerk, AuditJournal audit, ColumnCipher myNumbers, Clock clock,
            java.nio.file.Path directory) {
        this.directory = directory;
        this.dataSource = dataSource;
        this.clerk = clerk;
        this.audit = audit;
        this.myNumbers = myNumbers;
        this.clock = clock;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Clerk clerk() {
        return clerk;
    }

    public ColumnCipher myNumbers() {
        return myNumbers;
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Fails unless the signed-in clerk's role allows the capability.
     *
     * @throws StoreException {@link StoreError#NOT_PERMITTED}
     */
    public void require(Capability capability) {
        if (!clerk.role().allows(capability)) {
            throw new StoreException(StoreError.NOT_PERMITTED,
                    "role " + clerk.role() + " may not " + capability, null);
        }
    }

    /** Appends an audit row as the signed-in clerk, inside the caller's transaction. */
    public void audit(Connection connection, AuditAction action, String subject, String detail) throws SQLException {
        audit.append(connection, clerk.clerkId(), action, subject, detail);
    }

    /** Maps a failure of work done outside {@link #inTransaction} (a bulk load on its own connection). */
    public StoreException failure(String operation, SQLException e) {
        return StoreException.from(operation, e, directory);
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(String operation, SqlWork<T> work) {
        return Transactions.run(dataSource, directory, operation, work);
    }
}
