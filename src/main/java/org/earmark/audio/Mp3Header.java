package org.earmark.audio;

/**
 * The 32-bit MPEG audio frame header, decoded from its bit fields (ISO/IEC 11172-3 and 13818-3, plus the
 * unofficial MPEG 2.5 extension that LAME writes for 8-12 kHz).
 */
final class Mp3Header {

    /** Sync, version, layer, protection and sample-rate bits: these do not change within one stream. */
    static final int STREAM_MASK = 0xFFFE0C00;

    private static final int[][] BITRATES_KBPS = {
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384}, // MPEG-1 layer II
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, // MPEG-1 layer III
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}, // MPEG-2/2.5 layer I
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}, // MPEG-2/2.5 layers II and III
    };
    private static final int[][] SAMPLE_RATES = {
        {11025, 12000, 8000}, // MPEG 2.5
        {0, 0, 0}, // reserved
        {22050, 24000, 16000}, // MPEG-2
        {44100, 48000, 32000}, // MPEG-1
    };

    private Mp3Header() {
    }

    static boolean isMpeg1(int h) {
        return ((h >>> 19) & 3) == 3;
    }

    /** 1, 2 or 3 for layers I-III, 0 for the reserved value (which ADTS AAC uses). */
    static int layer(int h) {
        return (4 - ((h >>> 17) & 3)) & 3;
    }

    static int sampleRate(int h) {
        int index = (h >>> 10) & 3;
        return index == 3 ? 0 : SAMPLE_RATES[(h >>> 19) & 3][index];
    }

    static int channels(int h) {
        return ((h >>> 6) & 3) == 3 ? 1 : 2;
    }

    static boolean hasCrc(int h) {
        return ((h >>> 16) & 1) == 0;
    }

    static int samplesPerFrame(int h) {
        return switch (layer(h)) {
            case 1 -> 384;
            case 3 -> isMpeg1(h) ? 1152 : 576;
            default -> 1152;
        };
    }

    /** Bytes of side information after the header (and CRC) in a layer III frame. */
    static int sideInfoSize(int h) {
        boolean mono = channels(h) == 1;
        return isMpeg1(h) ? (mono ? 17 : 32) : (mono ? 9 : 17);
    }

    /**
     * Whether {@code h} is a valid header but for its bitrate index 0: a free-format stream, whose frame length can
     * only be found by searching for the next header. We do not decode those (lame writes them only on request).
     */
    static boolean isFreeFormat(int h) {
        return (h >>> 21) == 0x7FF && ((h >>> 19) & 3) != 1 && layer(h) != 0 && ((h >>> 12) & 15) == 0
                && sampleRate(h) != 0;
    }

    /** The frame's length in bytes, header included, or -1 if {@code h} is not a usable frame header. */
    static int frameLength(int h) {
        if ((h >>> 21) != 0x7FF || ((h >>> 19) & 3) == 1 || layer(h) == 0) {
            return -1;
        }
        int bitrateIndex = (h >>> 12) & 15;
        int rate = sampleRate(h);
        if (bitrateIndex == 0 || bitrateIndex == 15 || rate == 0) {
            return -1; // free-format streams are practically extinct and need a search to size
        }
        int layer = layer(h);
        int table = isMpeg1(h) ? layer - 1 : (layer == 1 ? 3 : 4);
        int bitrate = BITRATES_KBPS[table][bitrateIndex] * 1000;
        int padding = (h >>> 9) & 1;
        if (layer == 1) {
            return (12 * bitrate / rate + padding) * 4;
        }
        int perSlot = (layer == 3 && !isMpeg1(h)) ? 72 : 144;
        return perSlot * bitrate / rate + padding;
    }
}
