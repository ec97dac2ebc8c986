package dev.madoguchi.store.base;

import java.sql.Connection;
import java.sql.SQLException;

/** Work inside one store transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
