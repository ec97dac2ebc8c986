package dev.madoguchi.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataMaskTest {

    @TempDir
    Path logDir;

    @Test
    void masksTwelveDigitRunsInAsciiAndFullWidth() {
        assertThat(PersonalDataMask.mask("number 537686677188 read")).isEqualTo("number ************ read");
        assertThat(PersonalDataMask.mask("番号５３７６８６６７７１８８です")).isEqualTo("番号************です");
    }

    @Test
    void leavesShorterAndLongerDigitRunsAlone() {
        assertThat(PersonalDataMask.mask("resident code 12345678901")).isEqualTo("resident code 12345678901");
        assertThat(PersonalDataMask.mask("1234567890123")).isEqualTo("1234567890123");
        assertThat(PersonalDataMask.mask(null)).isNull();
    }

    /** The shipped logback.xml, with its rolling file, masks messages and stack traces. */
    @Test
    void theShippedConfigurationNeverWritesAMyNumberToTheLogFile() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putProperty("madoguchi.logDir", logDir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        String config = new String(PersonalDataMaskTest.class.getResourceAsStream("/logback.xml").readAllBytes(),
                StandardCharsets.UTF_8);
        configurator.doConfigure(new java.io.ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));

        var log = context.getLogger("test");
        log.info("card read for {}", "537686677188");
        log.warn("failed", new IllegalStateException("bad value 537686677188"));
        context.stop();

        String written = Files.readString(logDir.resolve("madoguchi.log"), StandardCharsets.UTF_8);
        assertThat(written).contains("card read for ************").contains("IllegalStateException")
                .doesNotContain("537686677188");
    }
}
