package dev.madoguchi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

class LinuxProcessSettingsTest {

    @Test
    void gtkOpenGlIsTurnedOffInTheProcessEnvironmentUnlessAlreadySet() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        LinuxProcessSettings.CLibrary c = Native.load("c", LinuxProcessSettings.CLibrary.class);
        String before = c.getenv("GDK_GL");
        var done = LinuxProcessSettings.apply();
        // the C environment (what GTK reads), not Java's copy of it made at start
        assertThat(c.getenv("GDK_GL")).isEqualTo(before == null ? "disable" : before);
        assertThat(done.contains("GDK_GL=disable")).isEqualTo(before == null);
        if (System.getenv("MALLOC_ARENA_MAX") == null) {
            assertThat(done).as("glibc accepts the arena limit").contains("malloc arenas: 2");
        }
        assertThat(LinuxProcessSettings.apply()).as("a second call changes nothing").doesNotContain("GDK_GL=disable");
    }
}
