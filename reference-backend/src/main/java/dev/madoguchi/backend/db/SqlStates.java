package dev.madoguchi.backend.db;

import java.sql.SQLException;

/** The SQL states the backend reacts to; the same on H2 and PostgreSQL. */
public final class SqlStates {

    private SqlStates() {
    }

    /** A UNIQUE or PRIMARY KEY constraint refused a row ({@code 23505} on both databases). */
    public static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Another transaction held a lock too long or an optimistic update collided: worth one more try
     * (H2 {@code HYT00} lock timeout / {@code 90131} concurrent update; PostgreSQL {@code 40001}, {@code 40P01}).
     */
    public static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return "HYT00".equals(state) || "40001".equals(state) || "40P01".equals(state) || e.getErrorCode() == 90131;
    }
}
