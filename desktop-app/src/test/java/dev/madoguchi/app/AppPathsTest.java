package dev.madoguchi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppPathsTest {

    @Test
    void linuxUsesXdgDataHomeOrLocalShare() {
        assertThat(AppPaths.resolve(null, Map.of(), "Linux", "/home/clerk").dataDirectory())
                .isEqualTo(Path.of("/home/clerk/.local/share/madoguchi"));
        assertThat(AppPaths.resolve(null, Map.of("XDG_DATA_HOME", "/data/xdg"), "Linux", "/home/clerk").dataDirectory())
                .isEqualTo(Path.of("/data/xdg/madoguchi"));
    }

    @Test
    void linuxTakesTheHomeFromHomeAsTheXdgSpecificationSaysNotFromThePasswordFile() {
        assertThat(AppPaths.resolve(null, Map.of("HOME", "/tmp/newcomer"), "Linux", "/root").dataDirectory())
                .isEqualTo(Path.of("/tmp/newcomer/.local/share/madoguchi"));
        assertThat(AppPaths.resolve(null, Map.of("HOME", "relative"), "Linux", "/home/clerk").dataDirectory())
                .isEqualTo(Path.of("/home/clerk/.local/share/madoguchi"));
    }

    @Test
    void aRelativeXdgDataHomeIsIgnoredAsTheSpecificationSays() {
        assertThat(AppPaths.resolve(null, Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/clerk").dataDirectory())
                .isEqualTo(Path.of("/home/clerk/.local/share/madoguchi"));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertThat(AppPaths.resolve(null, Map.of("LOCALAPPDATA", "/c/Users/clerk/AppData/Local"), "Windows 11", "/c/Users/clerk")
                .dataDirectory()).isEqualTo(Path.of("/c/Users/clerk/AppData/Local/Madoguchi"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(AppPaths.resolve(null, Map.of(), "Mac OS X", "/Users/clerk").dataDirectory())
                .isEqualTo(Path.of("/Users/clerk/Library/Application Support/Madoguchi"));
    }

    @Test
    void theOptionWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Map<String, String> env = Map.of(AppPaths.HOME_VARIABLE, "/srv/madoguchi");
        assertThat(AppPaths.resolve(Path.of("/tmp/x"), env, "Linux", "/home/clerk").dataDirectory()).isEqualTo(Path.of("/tmp/x"));
        assertThat(AppPaths.resolve(null, env, "Linux", "/home/clerk").dataDirectory()).isEqualTo(Path.of("/srv/madoguchi"));
    }

    @Test
    void logsAndStoreLiveInsideTheDataDirectory() {
        AppPaths paths = new AppPaths(Path.of("/d"));
        assertThat(paths.logDirectory()).isEqualTo(Path.of("/d/logs"));
        assertThat(paths.storeDirectory()).isEqualTo(Path.of("/d/store"));
    }
}
