package dev.madoguchi.app;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two settings of the C process that the installed application cannot get from its launcher (jpackage launchers set
 * no environment), made before JavaFX starts, on Linux only (ADR 0017):
 * <ul>
 * <li>{@code GDK_GL=disable}, unless set: GTK would open OpenGL when it opens the display, which on a machine without
 * a GPU loads Mesa's llvmpipe and libLLVM (~50 MB resident). JavaFX never uses GTK's OpenGL.
 * <li>{@code mallopt(M_ARENA_MAX, 2)} (glibc), unless {@code MALLOC_ARENA_MAX} is set: two malloc arenas for the
 * threads still to come instead of up to eight per core.
 * </ul>
 * Failing (another C library, no JNA native) changes nothing but the memory; it is logged, never thrown.
 */
public final class LinuxProcessSettings {

    private static final int M_ARENA_MAX = -8; // glibc malloc.h

    /** The C functions used, bound through JNA. */
    public interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);

        int mallopt(int param, int value);
    }

    private LinuxProcessSettings() {}

    /** @return what was set, in words, for the log (empty when nothing was or this is not Linux) */
    public static List<String> apply() {
        List<String> done = new ArrayList<>();
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return done;
        }
        CLibrary c;
        try {
            c = Native.load("c", CLibrary.class);
        } catch (LinkageError | RuntimeException e) { // no JNA native for this platform, or JNA itself unreadable
            done.add("C library not reachable (" + e.getClass().getSimpleName() + "): GDK_GL and malloc arenas as they are");
            return done;
        }
        if (c.getenv("GDK_GL") == null && c.setenv("GDK_GL", "disable", 0) == 0) {
            done.add("GDK_GL=disable");
        }
        if (c.getenv("MALLOC_ARENA_MAX") == null) {
            try {
                if (c.mallopt(M_ARENA_MAX, 2) == 1) {
                    done.add("malloc arenas: 2");
                }
            } catch (UnsatisfiedLinkError e) {
                done.add("no mallopt (not glibc): malloc arenas as they are");
            }
        }
        return done;
    }
}
