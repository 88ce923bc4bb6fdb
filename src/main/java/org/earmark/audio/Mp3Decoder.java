package org.earmark.audio;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A pure-Java MPEG-1/2/2.5 Layer III decoder, ported from minimp3 by lieff (github.com/lieff/minimp3, CC0 public
 * domain) and written for speed: table-driven Huffman decoding, precomputed requantisation, fast IMDCT and DCT-32,
 * and no allocation per frame. It replaces jlayer (LGPL), which remains only as a reference in the tests.
 *
 * <p>One instance decodes one stream, frame by frame, in order: it keeps the bit reservoir, the IMDCT overlap and the
 * synthesis filter's history between frames. Output is float PCM in 16-bit units (full scale 32768), interleaved
 * when stereo, with the decoder delay every Layer III decoder has (see {@link Mp3Stream#DECODER_DELAY}).
 * Free-format streams are not supported (the scanner does not find their frames). Not thread-safe.
 */
final class Mp3Decoder {

    /** The most main data a frame may reach back for (MPEG-1's 9-bit main_data_begin). */
    private static final int MAX_RESERVOIR = 511;
    /** Longest frame with a bitrate index: MPEG-1 320 kbps at 32 kHz, or MPEG-2.5 160 kbps at 8 kHz, plus padding. */
    static final int MAX_FRAME_BYTES = 1441;
    /** The most PCM values one frame yields: 1152 samples of two channels. */
    static final int MAX_SAMPLES = 1152 * 2;
    /** Zeros after the main data: a damaged granule's Huffman codes may read this far past their end. */
    private static final int SLACK = 2048;

    private final byte[] frame = new byte[MAX_FRAME_BYTES + 8];
    private final byte[] reservoir = new byte[MAX_RESERVOIR];
    private int reserved;
    /** Where the bytes of earlier frames end in mainData; the slack after the current frame must read as zeros. */
    private int dirtyEnd;
    private final byte[] mainData = new byte[MAX_RESERVOIR + MAX_FRAME_BYTES + SLACK];
    private final L3Bits bits = new L3Bits();
    private final L3Bits main = new L3Bits();
    private final L3Granule[] granules = {new L3Granule(), new L3Granule(), new L3Granule(), new L3Granule()};
    private final float[][] overlap = new float[2][9 * 32];
    /**
     * Per channel, the subbands from which on the last granule's IMDCT input and output were zero, and with them the
     * overlap it left. Speech at a low bitrate is cut off far below the top subband, so a granule usually needs only
     * the lower half or two thirds of its IMDCTs.
     */
    private final int[] activeBands = new int[2];
    private final int[] used = new int[2];
    private final float[] synthState = new float[L3Synthesis.STATE_SIZE];
    private final float[] grbuf = new float[576 * 2];
    private final float[] scf = new float[40];
    private final int[][] istPos = new int[2][48];
    private final L3Scalefactors scalefactors = new L3Scalefactors();
    private final L3Stereo stereo = new L3Stereo();
    private final L3Hybrid hybrid = new L3Hybrid();
    private final L3Synthesis synthesis = new L3Synthesis();
    private final L3Huffman huffman = new L3Huffman();
    private int channels = 1;

    static boolean isMpeg1(int h) {
        return ((h >>> 19) & 1) != 0;
    }

    static boolean isMono(int h) {
        return ((h >>> 6) & 3) == 3;
    }

    /** The mode extension's mid/side bit (meaningful in joint stereo). */
    static boolean msBit(int h) {
        return ((h >>> 5) & 1) != 0;
    }

    /** Joint stereo with mid/side on. */
    static boolean msStereo(int h) {
        return ((h >>> 5) & 7) == 3;
    }

    static boolean intensityStereo(int h) {
        return ((h >>> 4) & 1) != 0;
    }

    /** 0..8: MPEG-2.5 11.025, 12, 8 kHz; MPEG-2 22.05, 24, 16 kHz; MPEG-1 44.1, 48, 32 kHz. */
    static int sampleRateIndex(int h) {
        return ((h >>> 10) & 3) + (((h >>> 19) & 1) + ((h >>> 20) & 1)) * 3;
    }

    /** Channels in the output of the last frame decoded (1 or 2); the mode may change from frame to frame. */
    int channels() {
        return channels;
    }

    /** Forgets everything carried between frames, as at the start of a stream. */
    void reset() {
        reserved = 0;
        for (float[] o : overlap) {
            Arrays.fill(o, 0);
        }
        Arrays.fill(activeBands, 0);
        Arrays.fill(synthState, 0);
    }

    /**
     * Decodes the Layer III frame of {@code length} bytes at {@code offset}, header included, into {@code pcm} (at
     * least 1152 samples per channel). Returns the samples per channel written: the frame's 1152 or 576, or 0 when the
     * bit reservoir lacks the earlier frames' data this frame needs (at the start of a cut stream), which players
     * treat as silence.
     *
     * @throws IllegalArgumentException if the frame is damaged beyond decoding (its state is then reset)
     */
    int decode(ByteBuffer data, int offset, int length, float[] pcm) {
        if (length < 4 || length > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("frame length " + length + " is outside 4.." + MAX_FRAME_BYTES);
        }
        data.get(offset, frame, 0, length);
        int h = (frame[0] & 0xFF) << 24 | (frame[1] & 0xFF) << 16 | (frame[2] & 0xFF) << 8 | (frame[3] & 0xFF);
        if ((h >>> 21) != 0x7FF || ((h >>> 17) & 3) != 1) {
            reset();
            throw new IllegalArgumentException("not a Layer III frame header: " + Integer.toHexString(h));
        }
        bits.init(frame, 4, length - 4);
        if (((h >>> 16) & 1) == 0) {
            bits.bits(16); // CRC: damaged frames are caught by the checks below, so the sum is not verified
        }
        int mainDataBegin = L3SideInfo.read(bits, granules, h);
        if (mainDataBegin < 0 || bits.overrun()) {
            reset();
            throw new IllegalArgumentException("damaged side information");
        }
        boolean complete = restoreReservoir(mainDataBegin);
        int nch = isMono(h) ? 1 : 2;
        channels = nch;
        int grCount = isMpeg1(h) ? 2 : 1;
        if (complete) {
            for (int gr = 0; gr < grCount; gr++) {
                Arrays.fill(grbuf, 0, 576 * nch, 0);
                granule(h, gr * nch, nch);
                synthesis.granule(synthState, grbuf, nch, pcm, gr * 576 * nch);
            }
        }
        saveReservoir();
        return complete ? 576 * grCount : 0;
    }

    private boolean restoreReservoir(int mainDataBegin) {
        int frameBytes = (bits.limit - bits.pos) / 8;
        int have = Math.min(reserved, mainDataBegin);
        System.arraycopy(reservoir, Math.max(0, reserved - mainDataBegin), mainData, 0, have);
        System.arraycopy(frame, bits.pos / 8, mainData, have, frameBytes);
        int end = have + frameBytes;
        if (dirtyEnd > end) {
            Arrays.fill(mainData, end, dirtyEnd, (byte) 0); // all beyond dirtyEnd is zero already
        }
        dirtyEnd = end;
        main.init(mainData, 0, have + frameBytes);
        return reserved >= mainDataBegin;
    }

    private void saveReservoir() {
        int pos = (main.pos + 7) / 8;
        int remains = main.limit / 8 - pos;
        if (remains > MAX_RESERVOIR) {
            pos += remains - MAX_RESERVOIR;
            remains = MAX_RESERVOIR;
        }
        if (remains > 0) {
            System.arraycopy(mainData, pos, reservoir, 0, remains);
        }
        reserved = Math.max(0, remains);
    }

    private void granule(int h, int first, int nch) {
        for (int ch = 0; ch < nch; ch++) {
            L3Granule gr = granules[first + ch];
            int end = main.pos + gr.part23Length;
            scalefactors.decode(h, istPos[ch], main, gr, scf, ch);
            used[ch] = huffman.decode(grbuf, 576 * ch, main, gr, scf, end);
        }
        if (nch == 2) {
            used[0] = used[1] = Math.max(used[0], used[1]); // both stereo modes mix the channels
            if (intensityStereo(h)) {
                stereo.intensity(grbuf, istPos[1], granules[first], granules[first + 1], h);
            } else if (msStereo(h)) {
                L3Stereo.midSide(grbuf, 0, 576);
            }
        }
        for (int ch = 0; ch < nch; ch++) {
            L3Granule gr = granules[first + ch];
            int at = 576 * ch;
            int aaBands = 31;
            int nLongBands = (gr.mixedBlock != 0 ? 2 : 0) << (sampleRateIndex(h) == 2 ? 1 : 0);
            if (gr.nShortSfb != 0) {
                aaBands = nLongBands - 1;
                hybrid.reorder(grbuf, at + nLongBands * 18, gr.sfb, gr.nLongSfb);
            }
            // Long blocks: alias reduction spreads a band's values one band up; beyond that the IMDCT only has the last
            // granule's overlap to add, and nothing at all above where that granule ended. Short blocks do them all.
            int nonZero = (used[ch] + 17) / 18;
            int active = gr.blockType == 2 ? 32 : Math.min(32, nonZero + 1);
            L3Hybrid.antialias(grbuf, at, Math.min(aaBands, nonZero));
            hybrid.imdct(grbuf, at, overlap[ch], gr.blockType, nLongBands, Math.max(active, activeBands[ch]));
            activeBands[ch] = active;
            L3Hybrid.changeSign(grbuf, at);
        }
    }
}
