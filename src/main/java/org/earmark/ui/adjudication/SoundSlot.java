package org.earmark.ui.adjudication;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.earmark.core.TimeFormat;

/** The adjudication screen's player: at most one open, and a message saying why there is none. */
final class SoundSlot {

    private final Sound.Factory sounds;
    private final ResourceBundle text;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Sound sound;

    SoundSlot(Sound.Factory sounds, ResourceBundle text) {
        this.sounds = sounds;
        this.text = text;
    }

    ReadOnlyStringWrapper message() {
        return message;
    }

    boolean available() {
        return sound != null;
    }

    void play(long fromMs, long toMs) {
        sound.play(fromMs, toMs);
    }

    /**
     * Plays from 2 s before a disagreement to 2 s after it (for spans: around their starts), so the lead hears what
     * led up to it; returns what the status line says.
     */
    String playAround(Adjudication.Item item, long durationMs) {
        if (!available()) {
            return text.getString("adjudication.sound.none");
        }
        long from = Math.max(0, item.atMs() - 2_000);
        long to = Math.min(Math.max(durationMs, item.focusEndMs()), item.focusEndMs() + 2_000);
        play(from, to);
        return MessageFormat.format(text.getString("adjudication.sound.playing"), TimeFormat.moment(from),
                TimeFormat.moment(to));
    }

    void open(Path audio) {
        close();
        try {
            sound = sounds.open(audio, failure -> message.set(noDevice(failure)
                    ? text.getString("adjudication.sound.noDevice")
                    : MessageFormat.format(text.getString("adjudication.sound.failed"), failure)));
            message.set("");
        } catch (Exception | LinkageError e) {
            sound = null;
            String why = reason(e);
            message.set(noDevice(why) ? text.getString("adjudication.sound.noDevice")
                    : MessageFormat.format(text.getString("adjudication.sound.unavailable"), why));
        }
    }

    /** javafx-media's words when there is no audio output at all; a lead should read that, not them. */
    static boolean noDevice(String reason) {
        return reason != null && reason.contains("Could not create player");
    }

    /** Why the player could not be made, in its own words, without exception class names. */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceFirst("^([A-Za-z0-9_$]+\\.)*[A-Za-z0-9_$]*(Exception|Error): ", "").strip();
    }

    void close() {
        if (sound != null) {
            try {
                sound.close();
            } catch (RuntimeException ignored) {
                // The player is going away either way.
            }
            sound = null;
        }
    }
}
