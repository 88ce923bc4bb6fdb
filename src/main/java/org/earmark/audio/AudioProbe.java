package org.earmark.audio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.earmark.core.EarmarkException;

/**
 * Tells what a recording is and how long it lasts by reading its container headers in Java, so it works on a
 * machine without ffmpeg. The file is only ever opened for reading.
 */
public final class AudioProbe {

    private AudioProbe() {
    }

    /**
     * @throws EarmarkException {@code BAD_INPUT} naming the file when it is missing, empty, truncated, not audio, or
     *                          in a format other than WAV, MP3 or M4A; {@code IO} when it cannot be read
     */
    public static AudioInfo probe(Path file) {
        try (FileBytes bytes = open(file)) {
            return switch (identify(bytes)) {
                case WAV -> {
                    WavLayout wav = WavLayout.read(bytes);
                    yield new AudioInfo(AudioFormat.WAV, wav.durationMs(), wav.sampleRate(), wav.channels());
                }
                case MP3 -> {
                    Mp3Stream mp3 = Mp3Scanner.scan(bytes);
                    yield new AudioInfo(AudioFormat.MP3, mp3.durationMs(), mp3.sampleRate(), mp3.channels());
                }
                case M4A -> {
                    Mp4Layout mp4 = Mp4Layout.read(bytes);
                    yield new AudioInfo(AudioFormat.M4A, mp4.durationMs(), mp4.sampleRate(), mp4.channels());
                }
            };
        }
    }

    static FileBytes open(Path file) {
        if (Files.isDirectory(file)) {
            throw EarmarkException.badInput("Cannot use " + file + ": it is a folder, not an audio file.");
        }
        FileBytes bytes = FileBytes.open(file);
        if (bytes.size() == 0) {
            bytes.close();
            throw AudioErrors.empty(file);
        }
        return bytes;
    }

    /** The format from the file's first bytes (the extension may lie); a clear refusal for anything else. */
    static AudioFormat identify(FileBytes file) {
        byte[] head = file.readBytes(0, HEAD);
        return formatOf(head).orElseThrow(() -> refusal(file, head));
    }

    /** How many first bytes of a file {@link #formatOf} wants to see. */
    public static final int HEAD = 64;

    /**
     * The format a file's first bytes (up to {@link #HEAD}) announce, without checking the rest; empty for anything
     * else. Also used to keep an export from overwriting a recording.
     */
    public static Optional<AudioFormat> formatOf(byte[] head) {
        if (starts(head, "RIFF") && head.length >= 12 && at(head, 8, "WAVE")) {
            return Optional.of(AudioFormat.WAV);
        }
        if (Mp4Layout.looksLikeMp4(head)) {
            return Optional.of(AudioFormat.M4A);
        }
        if (Mp3Scanner.looksLikeMp3(head)) {
            return Optional.of(AudioFormat.MP3);
        }
        return Optional.empty();
    }

    private static EarmarkException refusal(FileBytes file, byte[] head) {
        Path path = file.path();
        if (starts(head, "RIFF") || starts(head, "RIFX") || starts(head, "RF64")) {
            if (head.length < 12) {
                return AudioErrors.truncated(path, "the RIFF header is incomplete");
            }
            return starts(head, "RIFF") ? AudioErrors.notAudio(path, "a RIFF file of type '" + WavLayout.fourCc(
                    java.nio.ByteBuffer.wrap(head), 8) + "', not WAVE")
                    : AudioErrors.unsupported(path, starts(head, "RF64") ? "RF64 (WAV over 4 GB)" : "big-endian WAV (RIFX)");
        }
        if (starts(head, "fLaC")) {
            return AudioErrors.unsupported(path, "FLAC");
        }
        if (starts(head, "OggS")) {
            return AudioErrors.unsupported(path, "Ogg (Vorbis or Opus)");
        }
        if (starts(head, "FORM") && head.length >= 12 && (at(head, 8, "AIFF") || at(head, 8, "AIFC"))) {
            return AudioErrors.unsupported(path, "AIFF");
        }
        if (starts(head, "#!AMR")) {
            return AudioErrors.unsupported(path, "AMR");
        }
        if (starts(head, "caff")) {
            return AudioErrors.unsupported(path, "Core Audio (CAF)");
        }
        if (starts(head, ".snd")) {
            return AudioErrors.unsupported(path, "Sun/NeXT audio (AU)");
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0x30 && (head[1] & 0xFF) == 0x26 && (head[2] & 0xFF) == 0xB2
                && (head[3] & 0xFF) == 0x75) {
            return AudioErrors.unsupported(path, "Windows Media (WMA/ASF)");
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF
                && (head[3] & 0xFF) == 0xA3) {
            return AudioErrors.unsupported(path, "Matroska/WebM");
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xF6) == 0xF0) {
            return AudioErrors.unsupported(path, "raw AAC (ADTS) without an M4A container");
        }
        if (head.length < 4) {
            return AudioErrors.notAudio(path, "it is only " + head.length + " bytes long");
        }
        return AudioErrors.notAudio(path, "it looks like " + looksLike(head));
    }

    private static String looksLike(byte[] head) {
        if ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
            return "a JPEG image";
        }
        if ((head[0] & 0xFF) == 0x89 && at(head, 1, "PNG")) {
            return "a PNG image";
        }
        if (starts(head, "GIF8")) {
            return "a GIF image";
        }
        if (starts(head, "%PDF")) {
            return "a PDF document";
        }
        if (starts(head, "PK")) {
            return "a ZIP archive or Office document";
        }
        if (starts(head, "SQLite format 3")) {
            return "a SQLite database";
        }
        for (byte b : head) {
            int c = b & 0xFF; // bytes from 0x80 up may be UTF-8 text
            if (c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F) {
                return "binary data of an unknown kind";
            }
        }
        return "text";
    }

    private static boolean starts(byte[] head, String ascii) {
        return at(head, 0, ascii);
    }

    private static boolean at(byte[] head, int offset, String ascii) {
        if (head.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (head[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
