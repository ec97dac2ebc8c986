package dev.madoguchi.backend.http;

/** How the API names what it logs: paths without personal identifiers, failures by their chain of causes. */
final class ApiLogText {

    private static final String API = "/api/v1/";

    private ApiLogText() {
    }

    /** A path fit for the log: resident codes are personal identifiers and are left out. */
    static String path(String path) {
        if (path != null && path.startsWith(API + "residents/")) {
            return API + "residents/***";
        }
        return path;
    }

    static String causeChain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t instanceof java.sql.SQLException sql) {
                sb.append("[").append(sql.getSQLState()).append("]");
            } else if (t.getMessage() != null && t == e) {
                sb.append(": ").append(t.getMessage());
            }
        }
        return sb.toString();
    }
}
