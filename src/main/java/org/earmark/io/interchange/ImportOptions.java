package org.earmark.io.interchange;

/**
 * How an ELAN or Praat file is read into a coder file's events.
 *
 * @param recordingId       the recording the file belongs to, or {@code null} to tell it from the file
 *                          name ({@code R-XXXX.eaf}, {@code R-XXXX.TextGrid}) or, for ELAN, the media file
 * @param skipUnknownTiers  leave out tiers whose name is no code of the codebook (e.g. a transcription
 *                          tier) instead of refusing the file
 */
public record ImportOptions(String recordingId, boolean skipUnknownTiers) {

    /** The recording from the file, and every tier must be a code. */
    public static final ImportOptions DEFAULT = new ImportOptions(null, false);

    public ImportOptions {
        if (recordingId != null && recordingId.isBlank()) {
            recordingId = null;
        }
    }
}
