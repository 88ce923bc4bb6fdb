package org.earmark.audio;

import java.nio.ByteBuffer;

/**
 * The frames of an MP3 file as found by {@link Mp3Scanner}: where each audio frame is, the info frame (Xing, Info
 * or VBRI) if there is one, and the gapless information from a LAME tag.
 *
 * @param data          the whole file, read-only (memory-mapped)
 * @param offsets       offsets of the audio frames, in order; the info frame is not among them
 * @param lengths       their lengths in bytes
 * @param infoOffset    the info frame's offset, or -1; it is a silent frame that decoders must not play
 * @param encoderDelay  samples the encoder put in front of the audio (LAME tag), or -1 when unknown
 * @param encoderPadding samples the encoder appended at the end (LAME tag), 0 when unknown
 * @param announcedFrames the frame count the info frame announces, or -1
 */
record Mp3Stream(ByteBuffer data, int[] offsets, int[] lengths, int frameCount, long infoOffset, int infoLength,
                 int sampleRate, int channels, int samplesPerFrame, int encoderDelay, int encoderPadding,
                 long announcedFrames) {

    /**
     * A layer III decoder's own delay: the hybrid filter bank's overlap plus the polyphase synthesis (528 samples,
     * plus one as LAME and ffmpeg count it). {@link Mp3Decoder} has it like every Layer III decoder; the tests line its
     * output up with ffmpeg's, which cuts delay and padding by the LAME tag.
     */
    static final int DECODER_DELAY = 529;
    /** What LAME puts in front when no tag says so (one granule); with the decoder delay, 1105 samples. */
    static final int DEFAULT_ENCODER_DELAY = 576;

    /** Decoded samples to drop at the start so that sample 0 is the first sample that was encoded. */
    int skipSamples() {
        return (encoderDelay >= 0 ? encoderDelay : DEFAULT_ENCODER_DELAY) + DECODER_DELAY;
    }

    /** The playable length in samples per channel, as a gapless player (and the waveform) counts it. */
    long totalSamples() {
        long decoded = (long) frameCount * samplesPerFrame;
        // LAME's padding already counts the decoder delay (as ffmpeg reads it); without a tag, all that is left plays.
        return Math.max(0, encoderDelay >= 0 ? decoded - encoderDelay - encoderPadding : decoded - skipSamples());
    }

    long durationMs() {
        return totalSamples() * 1000 / sampleRate;
    }
}
