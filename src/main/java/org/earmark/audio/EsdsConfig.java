package org.earmark.audio;

import java.nio.ByteBuffer;

/** Reads the channel count from an MPEG-4 elementary stream descriptor (ISO/IEC 14496-1 and 14496-3). */
final class EsdsConfig {

    private static final int ES_DESCRIPTOR = 3;
    private static final int DECODER_CONFIG = 4;
    private static final int DECODER_SPECIFIC = 5;

    private EsdsConfig() {
    }

    /** 1..8 channels, or 0 when the descriptor does not say (then the sample entry's count stands). */
    static int channels(ByteBuffer esds) {
        try {
            if (esds.get() != ES_DESCRIPTOR) {
                return 0;
            }
            length(esds);
            esds.getShort(); // ES_ID
            int flags = esds.get() & 0xFF;
            if ((flags & 0x80) != 0) {
                esds.getShort();
            }
            if ((flags & 0x40) != 0) {
                esds.position(esds.position() + (esds.get() & 0xFF));
            }
            if ((flags & 0x20) != 0) {
                esds.getShort();
            }
            if (esds.get() != DECODER_CONFIG) {
                return 0;
            }
            length(esds);
            esds.position(esds.position() + 13); // object type, stream type, buffer size, bitrates
            if (esds.get() != DECODER_SPECIFIC) {
                return 0;
            }
            length(esds);
            int bits = (esds.get() & 0xFF) << 24 | (esds.get() & 0xFF) << 16 | (esds.get() & 0xFF) << 8;
            int at = 5; // audio object type, 5 bits (31 escapes to 6 more)
            if ((bits >>> 27) == 31) {
                at += 6;
            }
            int frequencyIndex = (bits << at) >>> 28;
            at += 4;
            if (frequencyIndex == 15) {
                return 0; // an explicit 24-bit rate follows: too rare to be worth reading further here
            }
            int configuration = (bits << at) >>> 28;
            return configuration == 7 ? 8 : configuration <= 6 ? configuration : 0;
        } catch (RuntimeException e) {
            return 0; // a short or odd descriptor: fall back to the sample entry
        }
    }

    private static int length(ByteBuffer buffer) {
        int length = 0;
        for (int i = 0; i < 4; i++) {
            int b = buffer.get() & 0xFF;
            length = length << 7 | (b & 0x7F);
            if ((b & 0x80) == 0) {
                break;
            }
        }
        return length;
    }
}
