package dev.madoguchi.app.cli;

import dev.madoguchi.app.i18n.Language;
import java.nio.file.Path;

/**
 * What the command line needs from the application it belongs to: where the files live and the desktop to start when
 * no subcommand is given. {@code Main} passes the real one, so this package does not depend on the package that wires
 * the desktop (the root package depends on this one, never the other way round).
 */
public interface CliHost {

    /** The data directory: {@code explicit} ({@code --data-dir}) when given, else from the environment and the OS. */
    Path dataDirectory(Path explicit);

    /** The local store's directory inside the same data directory. */
    Path storeDirectory(Path explicit);

    /** The log directory of the same data directory. */
    Path logDirectory(Path explicit);

    /** Starts the desktop application and returns when it ends. */
    void startDesktop(Path explicit, Language language, int textSizePercent, boolean simulatedReader,
            dev.madoguchi.app.setup.StartRequest start) throws Exception;
}
