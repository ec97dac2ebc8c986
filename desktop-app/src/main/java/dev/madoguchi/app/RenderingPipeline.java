package dev.madoguchi.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Chooses JavaFX's software pipeline up front on a Linux machine without a GPU render node. There, JavaFX's OpenGL
 * pipeline would load Mesa's software OpenGL (llvmpipe, with libLLVM: about 50 MB resident), find that it does not
 * meet its requirements and fall back to the software pipeline anyway — keeping the 50 MB. With a render node
 * ({@code /dev/dri/renderD*}), or on Windows and macOS, JavaFX chooses as usual; a {@code prism.order} given by the
 * person always wins. docs/performance.md, "Counter"; ADR 0017.
 */
public final class RenderingPipeline {

    public static final Path DRI = Path.of("/dev/dri");

    private RenderingPipeline() {}

    /**
     * Sets {@code prism.order=sw} when {@link #softwareOnly} says so, and then also turns off the region cache (an 8 MB
     * texture that the software pipeline keeps in the Java heap; the counter's flat backgrounds draw as fast without
     * it); returns whether it did.
     */
    public static boolean apply() {
        if (softwareOnly(System.getProperty("os.name", ""), DRI, System.getProperty("prism.order"))) {
            System.setProperty("prism.order", "sw");
            if (System.getProperty("prism.disableRegionCaching") == null) {
                System.setProperty("prism.disableRegionCaching", "true");
            }
            return true;
        }
        return false;
    }

    /** Whether this is Linux with no GPU render node under {@code dri} and no {@code prism.order} chosen. */
    static boolean softwareOnly(String osName, Path dri, String prismOrder) {
        if (prismOrder != null || !osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            return false;
        }
        if (!Files.isDirectory(dri)) {
            return true;
        }
        try (Stream<Path> nodes = Files.list(dri)) {
            return nodes.noneMatch(p -> p.getFileName().toString().startsWith("renderD"));
        } catch (IOException e) {
            return false; // cannot tell: let JavaFX try
        }
    }
}
