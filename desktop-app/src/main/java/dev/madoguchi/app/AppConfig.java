package dev.madoguchi.app;

import dev.madoguchi.app.i18n.Language;

/**
 * How the desktop application starts.
 *
 * @param paths where data and logs live
 * @param language the clerk UI language
 * @param fontScalePercent text size, 100–200
 * @param forceSimulatedReader use the simulated reader even when PC/SC readers are attached
 * @param start {@code --demo}, {@code --setup} or neither (docs/adr/0031)
 */
public record AppConfig(AppPaths paths, Language language, int fontScalePercent, boolean forceSimulatedReader,
        dev.madoguchi.app.setup.StartRequest start) {

    /** Started without {@code --demo} or {@code --setup}. */
    public AppConfig(AppPaths paths, Language language, int fontScalePercent, boolean forceSimulatedReader) {
        this(paths, language, fontScalePercent, forceSimulatedReader, dev.madoguchi.app.setup.StartRequest.AUTO);
    }

    public AppConfig {
        if (fontScalePercent < 100 || fontScalePercent > 200) {
            throw new IllegalArgumentException("text size must be 100-200 %, not " + fontScalePercent);
        }
    }
}
