package dev.madoguchi.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Madoguchi keeps its files on this computer: the user's data directory, unless {@code --data-dir} or the
 * environment variable {@code MADOGUCHI_HOME} says otherwise.
 *
 * <ul>
 *   <li>Linux: {@code $XDG_DATA_HOME/madoguchi}, else {@code $HOME/.local/share/madoguchi} (Java's {@code user.home}
 *       only when {@code HOME} is not an absolute path)</li>
 *   <li>Windows: {@code %LOCALAPPDATA%\Madoguchi}</li>
 *   <li>macOS: {@code ~/Library/Application Support/Madoguchi}</li>
 * </ul>
 */
public record AppPaths(Path dataDirectory) {

    public static final String HOME_VARIABLE = "MADOGUCHI_HOME";

    /** The log files' directory. */
    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    /** The local store's directory. */
    public Path storeDirectory() {
        return dataDirectory.resolve("store");
    }

    /** The paths for this process: the explicit directory if given, else from the environment and the OS. */
    public static AppPaths resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static AppPaths resolve(Path explicit, Map<String, String> env, String osName, String userHome) {
        if (explicit != null) {
            return new AppPaths(explicit.toAbsolutePath().normalize());
        }
        String home = env.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return new AppPaths(Path.of(home).toAbsolutePath().normalize());
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(userHome, "AppData", "Local");
            return new AppPaths(base.resolve("Madoguchi"));
        }
        if (os.startsWith("mac")) {
            return new AppPaths(Path.of(userHome, "Library", "Application Support", "Madoguchi"));
        }
        // the XDG base directories are relative to $HOME; Java's user.home comes from the password file instead, which
        // differs under e.g. `sudo -E` or a HOME set for a test: then the data would land in another user's folder
        String xdg = env.get("XDG_DATA_HOME");
        String homeVariable = env.get("HOME");
        String unixHome = homeVariable != null && homeVariable.startsWith("/") ? homeVariable : userHome;
        Path base = xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(unixHome, ".local", "share");
        return new AppPaths(base.resolve("madoguchi"));
    }
}
