package org.earmark.audio;

/**
 * Huffman decoding and requantisation of one granule of one channel, a port of minimp3's L3_huffman (lieff/minimp3,
 * CC0 public domain). Speed comes from three things jlayer lacks: codes are looked up several bits at a time in
 * {@link L3Tables#HUFFMAN} instead of walking a tree bit by bit; the bit reader keeps a 32-bit cache in a local; and
 * |x|^(4/3) comes from a table, multiplied by the band's precomputed gain, instead of a pow call per sample.
 */
final class L3Huffman {

    /** |x|^(4/3) for every value a big-value pair can carry: 15 plus up to 13 linbits. */
    private static final float[] POW43 = new float[16 + 8192];
    /** x^(4/3) with x's sign for -15..15, indexed x + 16 (index 0 unused); the common case without linbits. */
    private static final float[] POW43_SIGNED = new float[32];

    static {
        for (int i = 0; i < POW43.length; i++) {
            POW43[i] = (float) Math.pow(i, 4.0 / 3.0);
        }
        for (int i = 0; i < 16; i++) {
            POW43_SIGNED[16 + i] = POW43[i];
            POW43_SIGNED[i] = -POW43[i]; // minimp3's layout: index x + 16 positive, x negative (sign bit set)
        }
    }

    private L3Huffman() {
    }

    /**
     * Decodes into {@code dst[dstOff .. dstOff + 576)} (which must hold zeros) the granule whose Huffman bits start at
     * {@code bits.pos} and end at {@code end}; leaves {@code bits.pos} at {@code end}. The byte array must have a few
     * kilobytes of slack after {@code bits.limit}: a damaged granule may read past its end before the count stops it.
     */
    static void decode(float[] dst, int dstOff, L3Bits bits, L3Granule gr, float[] scf, int end) {
        byte[] buf = bits.buf;
        short[] tabs = L3Tables.HUFFMAN;
        int[] sfb = gr.sfb;
        int sfbAt = 0;
        int scfAt = 0;
        int ptr = bits.pos >>> 3;
        int cache = ((buf[ptr] & 0xFF) << 24 | (buf[ptr + 1] & 0xFF) << 16 | (buf[ptr + 2] & 0xFF) << 8
                | (buf[ptr + 3] & 0xFF)) << (bits.pos & 7);
        int sh = (bits.pos & 7) - 8;
        ptr += 4;
        int d = dstOff;
        int bigValCount = gr.bigValues;
        int region = 0;
        float one = 0;
        while (bigValCount > 0) {
            int tabNum = gr.tableSelect[region];
            int sfbCount = gr.regionCount[region++];
            int codebook = L3Tables.TABLE_START[tabNum];
            int linbits = L3Tables.LINBITS[tabNum];
            int np;
            if (linbits == 0) {
                do {
                    np = sfb[sfbAt++] >> 1;
                    int pairs = Math.min(bigValCount, np);
                    one = scf[scfAt++];
                    do {
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
                        int x = leaf & 15;
                        dst[d] = POW43_SIGNED[16 + x - 16 * (cache >>> 31)] * one;
                        if (x != 0) {
                            cache <<= 1;
                            sh++;
                        }
                        int y = (leaf >> 4) & 15;
                        dst[d + 1] = POW43_SIGNED[16 + y - 16 * (cache >>> 31)] * one;
                        if (y != 0) {
                            cache <<= 1;
                            sh++;
                        }
                        d += 2;
                        while (sh >= 0) {
                            cache |= (buf[ptr++] & 0xFF) << sh;
                            sh -= 8;
                        }
                    } while (--pairs > 0);
                } while ((bigValCount -= np) > 0 && --sfbCount >= 0);
                continue;
            }
            do {
                np = sfb[sfbAt++] >> 1;
                int pairs = Math.min(bigValCount, np);
                one = scf[scfAt++];
                do {
                    int w = 5;
                    int leaf = tabs[codebook + (cache >>> (32 - w))];
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
                        if (lsb == 15) {
                            lsb += cache >>> (32 - linbits); // an escape: the value continues in linbits bits
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
                } while (--pairs > 0);
            } while ((bigValCount -= np) > 0 && --sfbCount >= 0);
        }
        int[] count1 = gr.count1Table != 0 ? L3Tables.COUNT1_B : L3Tables.COUNT1_A;
        for (int np = 1 - bigValCount; ; d += 4) {
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
                np = sfb[sfbAt++] >> 1;
                if (np == 0) {
                    break;
                }
                one = scf[scfAt++];
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
                np = sfb[sfbAt++] >> 1;
                if (np == 0) {
                    break;
                }
                one = scf[scfAt++];
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
        bits.pos = end;
    }
}
