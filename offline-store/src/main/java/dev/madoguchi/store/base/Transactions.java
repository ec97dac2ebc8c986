package dev.madoguchi.store.base;

import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One place that opens, commits and rolls back transactions and maps their failures. */
public final class Transactions {

    private Transactions() {
    }

    public static <T> T run(DataSource dataSource, String operation, SqlWork<T> work) {
        return run(dataSource, null, operation, work);
    }

    /** With the store directory, so an I/O failure on a full disk is reported as {@link StoreError#DISK_FULL}. */
    public static <T> T run(DataSource dataSource, Path directory, String operation, SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw StoreException.from(operation, e, directory);
        }
    }
}
