package org.earmark.audio;

/**
 * A big-endian bit reader over a byte array, for side information and scalefactors (the Huffman decoder keeps its own
 * 32-bit cache in locals). Reading past {@code limit} returns zeros and leaves {@link #overrun()} true, so a damaged
 * frame cannot read outside its bytes.
 */
final class L3Bits {

    byte[] buf;
    int pos;
    int limit;

    void init(byte[] data, int byteOffset, int bytes) {
        buf = data;
        pos = byteOffset * 8;
        limit = (byteOffset + bytes) * 8;
    }

    int bits(int n) {
        int start = pos;
        if ((pos += n) > limit) {
            return 0;
        }
        int index = start >>> 3;
        int s = start & 7;
        // Up to 24 bits are read (n <= 16 is never exceeded by Layer III fields but side info reads 15 at once).
        int word = (buf[index] & 0xFF) << 24;
        if (s + n > 8) {
            word |= (buf[index + 1] & 0xFF) << 16;
            if (s + n > 16) {
                word |= (buf[index + 2] & 0xFF) << 8;
                if (s + n > 24) {
                    word |= buf[index + 3] & 0xFF;
                }
            }
        }
        return (word << s) >>> (32 - n);
    }

    boolean overrun() {
        return pos > limit;
    }
}
