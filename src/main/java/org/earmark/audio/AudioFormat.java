package org.earmark.audio;

/** The recording formats Earmark plays, draws and anonymises. Anything else is refused with a message. */
public enum AudioFormat {
    WAV("wav", "WAV (PCM)"),
    MP3("mp3", "MP3"),
    /** An MP4 container (.m4a, .mp4) holding AAC audio. */
    M4A("m4a", "M4A (AAC)");

    /** Said in every "unsupported format" message, so the user knows what to convert to. */
    static final String SUPPORTED = "WAV, MP3 and M4A (AAC)";

    private final String extension;
    private final String displayName;

    AudioFormat(String extension, String displayName) {
        this.extension = extension;
        this.displayName = displayName;
    }

    /** The file extension (without dot) an anonymised copy should get, whatever the original was called. */
    public String extension() {
        return extension;
    }

    public String displayName() {
        return displayName;
    }
}
