package dev.madoguchi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingPipelineTest {

    @TempDir
    Path dir;

    @Test
    void linuxWithoutARenderNodeGoesStraightToSoftware() throws Exception {
        assertThat(RenderingPipeline.softwareOnly("Linux", dir.resolve("absent"), null)).isTrue();
        Path dri = Files.createDirectories(dir.resolve("dri"));
        Files.createFile(dri.resolve("card0")); // a display controller without a render node (e.g. a VM's)
        assertThat(RenderingPipeline.softwareOnly("Linux", dri, null)).isTrue();
    }

    @Test
    void aRenderNodeAnotherSystemOrTheUsersOwnChoiceLeaveJavaFxToChoose() throws Exception {
        Path dri = Files.createDirectories(dir.resolve("dri"));
        Files.createFile(dri.resolve("card0"));
        Files.createFile(dri.resolve("renderD128"));
        assertThat(RenderingPipeline.softwareOnly("Linux", dri, null)).isFalse();
        assertThat(RenderingPipeline.softwareOnly("Windows 11", dir.resolve("absent"), null)).isFalse();
        assertThat(RenderingPipeline.softwareOnly("Mac OS X", dir.resolve("absent"), null)).isFalse();
        assertThat(RenderingPipeline.softwareOnly("Linux", dir.resolve("absent"), "es2,sw")).isFalse();
    }
}
