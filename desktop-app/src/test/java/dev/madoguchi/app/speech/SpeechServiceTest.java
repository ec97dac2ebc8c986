package dev.madoguchi.app.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.forms.advice.Advice;
import dev.madoguchi.forms.advice.AdviceService;
import dev.madoguchi.forms.advice.CheckUpFacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-aloud through the engine of this computer (espeak-ng under ./run-tests), into a WAV file. */
class SpeechServiceTest {

    @TempDir
    Path dir;

    private static Advice lockedTextPin() {
        CheckUpFacts facts = new CheckUpFacts(CheckUpFacts.MY_NUMBER_CARD, LocalDate.of(2026, 12, 7),
                List.of(new CheckUpFacts.Pin("text-pin", 0, 3)), Optional.empty(), Optional.empty());
        return AdviceService.demo().advise(facts, Map.of());
    }

    private static SpeechService espeak() {
        SpeechService service = SpeechService.detect();
        boolean present = service.engine().equals(Optional.of(SpeechService.Engine.ESPEAK_NG));
        if (!present && "required".equals(System.getenv("MADOGUCHI_PCSCD"))) {
            fail("espeak-ng is missing but MADOGUCHI_PCSCD=required: ./run-tests installs it");
        }
        assumeTrue(present, "espeak-ng is not installed; skipped outside ./run-tests");
        return service;
    }

    @Test
    void espeakNgSpeaksTheEasyJapaneseReadingsIntoAWavFile() throws Exception {
        SpeechService service = espeak();
        String text = service.readAloudText(lockedTextPin(), "ja");
        assertThat(text).contains("しやくしょ").doesNotContain("市役所", "{");
        Path wav = dir.resolve("advice.wav");
        service.writeWav(text, "ja", wav);
        byte[] bytes = Files.readAllBytes(wav);
        assertThat(bytes.length).isGreaterThan(10_000);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        Path english = dir.resolve("en.wav");
        service.writeWav(service.readAloudText(lockedTextPin(), "en"), "en", english);
        assertThat(Files.size(english)).isGreaterThan(10_000);
    }

    @Test
    void withoutAnEngineTheErrorIsTyped() {
        SpeechService none = new SpeechService(Optional.empty(), null);
        assertThat(none.engine()).isEmpty();
        assertThatThrownBy(() -> none.speak("テスト", "ja")).isInstanceOfSatisfying(SpeechException.class, e -> {
            assertThat(e.error()).isEqualTo(SpeechError.NO_ENGINE);
            assertThat(e.getMessage()).startsWith("SPEECH-001");
        });
    }

    @Test
    void windowsSpeechGetsTheVoiceByCultureAndTheTextOnStandardInput() throws Exception {
        SpeechService sapi = new SpeechService(Optional.of(SpeechService.Engine.WINDOWS_SAPI),
                Path.of("powershell.exe"));
        List<String> command = sapi.command("ja-easy", Path.of("C:\\tmp\\o'k.wav"));
        assertThat(command.get(0)).isEqualTo("powershell.exe");
        String script = command.get(command.size() - 1);
        assertThat(script).contains("System.Speech", "'ja-JP'", "SetOutputToWaveFile('C:\\tmp\\o''k.wav')",
                "[Console]::In.ReadToEnd()");
        assertThat(sapi.readsKanji()).isTrue();
        assertThat(sapi.readAloudText(lockedTextPin(), "ja")).contains("市役所");
    }

    @Test
    void aFailingEngineIsTyped() {
        SpeechService broken = new SpeechService(Optional.of(SpeechService.Engine.ESPEAK_NG), Path.of("/bin/false"));
        assertThatThrownBy(() -> broken.speak("test", "en")).isInstanceOfSatisfying(SpeechException.class,
                e -> assertThat(e.error()).isEqualTo(SpeechError.ENGINE_FAILED));
    }
}
