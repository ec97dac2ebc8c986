package dev.madoguchi.app.speech;

import dev.madoguchi.forms.advice.Advice;
import dev.madoguchi.forms.advice.AdviceText;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offline read-aloud through the operating system's own speech (docs/adr/0023): Windows speech (SAPI, through
 * {@code System.Speech} in a PowerShell process) on Windows, {@code espeak-ng} elsewhere; chosen at run time. The text
 * goes to the engine on standard input, never on the command line. Blocking: call it off the UI thread (the task
 * runner); {@link #stop()} ends what is being spoken.
 */
public final class SpeechService {

    private static final Logger LOG = LoggerFactory.getLogger(SpeechService.class);
    private static final Duration LIMIT = Duration.ofMinutes(3);

    /** The engines this service can drive. */
    public enum Engine {
        /** Windows speech (SAPI 5) through {@code System.Speech.Synthesis} in PowerShell; reads kanji. */
        WINDOWS_SAPI,
        /** {@code espeak-ng}: offline and small; its Japanese voice reads kana but not kanji. */
        ESPEAK_NG
    }

    private final Optional<Engine> engine;
    private final Path executable;
    private Process running;
    private boolean stopped;

    SpeechService(Optional<Engine> engine, Path executable) {
        this.engine = engine;
        this.executable = executable;
    }

    /** The engine of this computer: Windows speech on Windows, else espeak-ng when it is on the PATH, else none. */
    public static SpeechService detect() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows");
        if (windows) {
            Optional<Path> powershell = onPath("powershell.exe");
            if (powershell.isEmpty()) {
                Path system = Path.of(System.getenv().getOrDefault("SystemRoot", "C:\\Windows"), "System32",
                        "WindowsPowerShell", "v1.0", "powershell.exe");
                powershell = Files.isRegularFile(system) ? Optional.of(system) : Optional.empty();
            }
            return powershell.map(p -> new SpeechService(Optional.of(Engine.WINDOWS_SAPI), p))
                    .orElseGet(() -> new SpeechService(Optional.empty(), null));
        }
        return onPath("espeak-ng").map(p -> new SpeechService(Optional.of(Engine.ESPEAK_NG), p))
                .orElseGet(() -> new SpeechService(Optional.empty(), null));
    }

    public Optional<Engine> engine() {
        return engine;
    }

    /** Whether the engine reads Japanese written with kanji (Windows speech does, espeak-ng does not). */
    public boolean readsKanji() {
        return engine.equals(Optional.of(Engine.WINDOWS_SAPI));
    }

    /**
     * The advice as this engine should read it in {@code language}: for Japanese on an engine that cannot read kanji,
     * the やさしい日本語 text by its readings (so the screen should show the やさしい日本語 text while reading).
     */
    public String readAloudText(Advice advice, String language) {
        if (AdviceText.JA.equals(language) && !readsKanji()) {
            return advice.readAloudText(AdviceText.EASY_JA);
        }
        return advice.readAloudText(language);
    }

    /** Speaks the text and returns when it is done (or {@link #stop()} was called). */
    public void speak(String text, String language) throws SpeechException {
        run(text, language, null);
    }

    /** Writes the speech to a WAV file instead of the speakers (for tests and for a recording). */
    public void writeWav(String text, String language, Path wav) throws SpeechException {
        run(text, language, wav);
    }

    /** Stops what is being spoken; nothing happens when nothing is. */
    public synchronized void stop() {
        if (running != null) {
            stopped = true;
            running.destroy();
        }
    }

    /** The command for this engine (the text is not part of it). */
    List<String> command(String language, Path wav) throws SpeechException {
        Engine e = engine.orElseThrow(() -> new SpeechException(SpeechError.NO_ENGINE,
                "neither espeak-ng nor Windows speech is available", null));
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        if (e == Engine.ESPEAK_NG) {
            command.addAll(List.of("-v", voice(language), "-s", "140", "--stdin"));
            if (wav != null) {
                command.addAll(List.of("-w", wav.toString()));
            }
            return command;
        }
        String culture = language.startsWith("ja") ? "ja-JP" : language.equals("en") ? "en-US" : language;
        String script = "[Console]::InputEncoding=[Text.Encoding]::UTF8;Add-Type -AssemblyName System.Speech;"
                + "$s=New-Object System.Speech.Synthesis.SpeechSynthesizer;"
                + "$v=$s.GetInstalledVoices()|Where-Object{$_.VoiceInfo.Culture.Name -eq '" + culture + "'}"
                + "|Select-Object -First 1;if($v){$s.SelectVoice($v.VoiceInfo.Name)};"
                + (wav == null ? "" : "$s.SetOutputToWaveFile('" + wav.toString().replace("'", "''") + "');")
                + "$s.Rate=-1;$s.Speak([Console]::In.ReadToEnd());$s.Dispose()";
        command.addAll(List.of("-NoProfile", "-NonInteractive", "-Command", script));
        return command;
    }

    private static String voice(String language) {
        return language.startsWith("ja") ? "ja" : language;
    }

    private void run(String text, String language, Path wav) throws SpeechException {
        List<String> command = command(language, wav);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new SpeechException(SpeechError.ENGINE_FAILED, "cannot start " + executable, e);
        }
        synchronized (this) {
            running = process;
            stopped = false;
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroy();
            throw new SpeechException(SpeechError.ENGINE_FAILED, "cannot pass the text to " + executable, e);
        }
        try {
            if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SpeechException(SpeechError.ENGINE_FAILED, "speech took longer than " + LIMIT, null);
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new SpeechException(SpeechError.ENGINE_FAILED, "interrupted", e);
        } finally {
            synchronized (this) {
                running = null;
            }
        }
        int exit = process.exitValue();
        boolean wasStopped;
        synchronized (this) {
            wasStopped = stopped;
        }
        if (exit != 0 && !wasStopped) {
            throw new SpeechException(SpeechError.ENGINE_FAILED, engine.orElseThrow() + " exited " + exit, null);
        }
        LOG.info("read aloud with {} ({} characters, {})", engine.orElseThrow(), text.length(), language);
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
