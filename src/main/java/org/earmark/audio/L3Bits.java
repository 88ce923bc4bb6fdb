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

    /**
     * The next {@code n} bits (0 to 17), big-endian. Three bytes are read whatever n is, so the array must reach two
     * bytes past {@code limit}: a branch-free read keeps this small where the JIT copies it into every caller.
     */
    int bits(int n) {
        int start = pos;
        if ((pos += n) > limit || n == 0) {
            return 0;
        }
        int index = start >>> 3;
        int word = (buf[index] & 0xFF) << 24 | (buf[index + 1] & 0xFF) << 16 | (buf[index + 2] & 0xFF) << 8;
        return (word << (start & 7)) >>> (32 - n);
    }

    boolean overrun() {
        return pos > limit;
    }
}
