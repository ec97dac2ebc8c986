package dev.madoguchi.app.volunteer;

import dev.madoguchi.app.speech.SpeechService;

/** 読み上げ through the operating system's speech ({@link SpeechService}: Windows speech or espeak-ng). */
public final class SpeechReadAloud implements ReadAloud {

    private final SpeechService speech;

    public SpeechReadAloud(SpeechService speech) {
        this.speech = speech;
    }

    @Override
    public void say(String text, String language) throws Exception {
        speech.speak(text, language);
    }

    @Override
    public void stop() {
        speech.stop();
    }

    @Override
    public boolean available() {
        return speech.engine().isPresent();
    }
}
