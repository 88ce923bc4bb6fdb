package org.earmark.audio;

/**
 * Huffman decoding and requantisation of one granule of one channel, a port of minimp3's L3_huffman (lieff/minimp3,
 * CC0 public domain). Speed comes from three things jlayer lacks: codes are looked up several bits at a time in
 * {@link L3Tables#HUFFMAN} instead of walking a tree bit by bit; the bit reader keeps a 32-bit cache; and |x|^(4/3)
 * comes from a table, multiplied by the band's precomputed gain, instead of a pow call per sample.
 *
 * <p>The work is split into one call per scalefactor band, with the bit reader in fields between calls. That is for
 * the JIT: a method running a long loop per call gets compiled on-stack many times over (once per loop, while it still
 * warms up), which on two cores costs as much as decoding a minute of audio; short calls are compiled once.
 */
final class L3Huffman {

    /** |x|^(4/3) for every value a big-value pair can carry: 15 plus up to 13 linbits. */
    private static final float[] POW43 = new float[16 + 8192];
    /** x^(4/3) with x's sign for x = 0..15: index x + 16 positive, index x negative (the sign bit set). */
    private static final float[] POW43_SIGNED = new float[32];

    static {
        for (int i = 0; i < POW43.length; i++) {
            POW43[i] = (float) Math.pow(i, 4.0 / 3.0);
        }
        for (int i = 0; i < 16; i++) {
            POW43_SIGNED[16 + i] = POW43[i];
            POW43_SIGNED[i] = -POW43[i];
        }
    }

    // The bit reader: the next bits left-aligned in cache; sh + 8 is how many bits are missing from its 32.
    private byte[] buf;
    private int ptr;
    private int cache;
    private int sh;

    /**
     * Decodes into {@code dst[dstOff .. dstOff + 576)} (which must hold zeros) the granule whose Huffman bits start at
     * {@code bits.pos} and end at {@code end}; leaves {@code bits.pos} at {@code end}. The byte array must have a few
     * kilobytes of slack after {@code bits.limit}: a damaged granule may read past its end before the count stops it.
     *
     * @return how many values from {@code dstOff} on may be non-zero; all after them are zero
     */
    int decode(float[] dst, int dstOff, L3Bits bits, L3Granule gr, float[] scf, int end) {
        buf = bits.buf;
        int p = bits.pos >>> 3;
        cache = ((buf[p] & 0xFF) << 24 | (buf[p + 1] & 0xFF) << 16 | (buf[p + 2] & 0xFF) << 8
                | (buf[p + 3] & 0xFF)) << (bits.pos & 7);
        sh = (bits.pos & 7) - 8;
        ptr = p + 4;
        int[] sfb = gr.sfb;
        int band = 0;
        int d = dstOff;
        int bigValCount = gr.bigValues;
        int region = 0;
        while (bigValCount > 0) {
            int tabNum = gr.tableSelect[region];
            int sfbCount = gr.regionCount[region++];
            int codebook = L3Tables.TABLE_START[tabNum];
            int linbits = L3Tables.LINBITS[tabNum];
            int np;
            do {
                np = sfb[band] >> 1;
                int pairs = Math.max(1, Math.min(bigValCount, np));
                pairs(dst, d, pairs, scf[band], codebook, linbits);
                d += 2 * pairs;
                band++;
            } while ((bigValCount -= np) > 0 && --sfbCount >= 0);
        }
        d = count1(dst, d, gr, scf, band, 1 - bigValCount, end);
        bits.pos = end;
        return Math.min(576, d - dstOff);
    }

    /**
     * Big-value pairs: each value 0..15 with a sign bit after it unless 0; in tables with linbits, 15 is an escape and
     * the value continues in {@code linbits} more bits.
     */
    private void pairs(float[] dst, int d, int pairs, float one, int codebook, int linbits) {
        short[] tabs = L3Tables.HUFFMAN;
        byte[] buf = this.buf;
        int ptr = this.ptr;
        int cache = this.cache;
        int sh = this.sh;
        for (int end = d + 2 * pairs; d < end; ) {
            int w = 5;
            int leaf = tabs[codebook + (cache >>> 27)];
            while (leaf < 0) {
                cache <<= w;
                sh += w;
                w = leaf & 7;
                leaf = tabs[codebook + (cache >>> (32 - w)) - (leaf >> 3)];
            }
            cache <<= leaf >> 8;
            sh += leaf >> 8;
            for (int j = 0; j < 2; j++, d++, leaf >>= 4) {
                int lsb = leaf & 0x0F;
                if (lsb == 15 && linbits != 0) {
                    lsb += cache >>> (32 - linbits);
                    cache <<= linbits;
                    sh += linbits;
                    while (sh >= 0) {
                        cache |= (buf[ptr++] & 0xFF) << sh;
                        sh -= 8;
                    }
                    dst[d] = cache < 0 ? -one * POW43[lsb] : one * POW43[lsb];
                } else {
                    dst[d] = POW43_SIGNED[16 + lsb - 16 * (cache >>> 31)] * one;
                }
                if (lsb != 0) {
                    cache <<= 1;
                    sh++;
                }
            }
            while (sh >= 0) {
                cache |= (buf[ptr++] & 0xFF) << sh;
                sh -= 8;
            }
        }
        this.ptr = ptr;
        this.cache = cache;
        this.sh = sh;
    }

    /**
     * The count1 region: quadruples of values -1..1 until the granule's bits end ({@code end}, a bit position in
     * {@code buf}) or the bands do. {@code np} counts the pairs left in the current band. Returns where it stopped.
     */
    private int count1(float[] dst, int d, L3Granule gr, float[] scf, int band, int np, int end) {
        int[] sfb = gr.sfb;
        int[] count1 = gr.count1Table != 0 ? L3Tables.COUNT1_B : L3Tables.COUNT1_A;
        byte[] buf = this.buf;
        int ptr = this.ptr;
        int cache = this.cache;
        int sh = this.sh;
        float one = band > 0 ? scf[band - 1] : 0;
        for (; ; d += 4) {
            int leaf = count1[cache >>> 28];
            if ((leaf & 8) == 0) {
                leaf = count1[(leaf >> 3) + ((cache << 4) >>> (32 - (leaf & 3)))];
            }
            cache <<= leaf & 7;
            sh += leaf & 7;
            if (ptr * 8 - 24 + sh > end) {
                break;
            }
            if (--np == 0) {
                np = sfb[band] >> 1;
                if (np == 0) {
                    break;
                }
                one = scf[band++];
            }
            if ((leaf & 128) != 0) {
                dst[d] = cache < 0 ? -one : one;
                cache <<= 1;
                sh++;
            }
            if ((leaf & 64) != 0) {
                dst[d + 1] = cache < 0 ? -one : one;
                cache <<= 1;
                sh++;
            }
            if (--np == 0) {
                np = sfb[band] >> 1;
                if (np == 0) {
                    break;
                }
                one = scf[band++];
            }
            if ((leaf & 32) != 0) {
                dst[d + 2] = cache < 0 ? -one : one;
                cache <<= 1;
                sh++;
            }
            if ((leaf & 16) != 0) {
                dst[d + 3] = cache < 0 ? -one : one;
                cache <<= 1;
                sh++;
            }
            while (sh >= 0) {
                cache |= (buf[ptr++] & 0xFF) << sh;
                sh -= 8;
            }
        }
        this.ptr = ptr;
        this.cache = cache;
        this.sh = sh;
        return d;
    }
}
