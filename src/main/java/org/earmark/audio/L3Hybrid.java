package org.earmark.audio;

/**
 * The hybrid filter bank's MDCT half: short-block reordering, alias reduction and the inverse MDCT (36-point for long
 * blocks, three 12-point for short ones) with overlap-add, one granule of one channel at a time (576 values, 32
 * subbands of 18). A port of minimp3's L3_reorder ... L3_imdct_gr (lieff/minimp3, CC0 public domain): the IMDCT-36
 * is split into two 9-point DCTs, so a subband costs about 50 multiplications instead of 324.
 */
final class L3Hybrid {

    private static final float[] AA_CS = {0.85749293f, 0.88174200f, 0.94962865f, 0.98331459f, 0.99551782f,
        0.99916056f, 0.99989920f, 0.99999316f};
    private static final float[] AA_CA = {0.51449576f, 0.47173197f, 0.31337745f, 0.18191320f, 0.09457419f,
        0.04096558f, 0.01419856f, 0.00369997f};
    private static final float[] TWID9 = {0.73727734f, 0.79335334f, 0.84339145f, 0.88701083f, 0.92387953f,
        0.95371695f, 0.97629601f, 0.99144486f, 0.99904822f, 0.67559021f, 0.60876143f, 0.53729961f, 0.46174861f,
        0.38268343f, 0.30070580f, 0.21643961f, 0.13052619f, 0.04361938f};
    private static final float[] TWID3 = {0.79335334f, 0.92387953f, 0.99144486f, 0.60876143f, 0.38268343f,
        0.13052619f};
    /** Window of block types 0, 1 and 2's long part (sine), and of type 3 (stop); type 1 is covered by rows. */
    private static final float[][] WINDOW = {
        {0.99904822f, 0.99144486f, 0.97629601f, 0.95371695f, 0.92387953f, 0.88701083f, 0.84339145f, 0.79335334f,
            0.73727734f, 0.04361938f, 0.13052619f, 0.21643961f, 0.30070580f, 0.38268343f, 0.46174861f, 0.53729961f,
            0.60876143f, 0.67559021f},
        {1, 1, 1, 1, 1, 1, 0.99144486f, 0.92387953f, 0.79335334f, 0, 0, 0, 0, 0, 0, 0.13052619f, 0.38268343f,
            0.60876143f},
    };

    private final float[] co = new float[9];
    private final float[] si = new float[9];
    private final float[] tmp = new float[18];
    private final float[] co3 = new float[3];
    private final float[] si3 = new float[3];
    private final float[] scratch = new float[576];

    /** Puts short-block values, stored band by band and window by window, into subband order. */
    void reorder(float[] buf, int at, int[] sfb, int sfbAt) {
        int src = at;
        int n = 0;
        for (int len; (len = sfb[sfbAt]) != 0; sfbAt += 3, src += 2 * len) {
            for (int i = 0; i < len; i++, src++) {
                scratch[n++] = buf[src];
                scratch[n++] = buf[src + len];
                scratch[n++] = buf[src + 2 * len];
            }
        }
        System.arraycopy(scratch, 0, buf, at, n);
    }

    static void antialias(float[] buf, int at, int nbands) {
        for (; nbands > 0; nbands--, at += 18) {
            for (int i = 0; i < 8; i++) {
                float u = buf[at + 18 + i];
                float d = buf[at + 17 - i];
                buf[at + 18 + i] = u * AA_CS[i] - d * AA_CA[i];
                buf[at + 17 - i] = u * AA_CA[i] + d * AA_CS[i];
            }
        }
    }

    /**
     * The inverse MDCT of a granule, block type and mixed-block switch point as the side info says, of the lowest
     * {@code bands} subbands of a long-block granule (above them input and overlap are zero, and so is the output).
     */
    void imdct(float[] buf, int at, float[] overlap, int blockType, int nLongBands, int bands) {
        int ov = 0;
        if (nLongBands != 0) {
            imdct36(buf, at, overlap, 0, WINDOW[0], nLongBands);
            at += 18 * nLongBands;
            ov += 9 * nLongBands;
        }
        if (blockType == 2) {
            imdctShort(buf, at, overlap, ov, 32 - nLongBands);
        } else {
            imdct36(buf, at, overlap, ov, WINDOW[blockType == 3 ? 1 : 0], bands - nLongBands);
        }
    }

    /** Negates every odd sample of every odd subband: the frequency inversion the polyphase filter expects. */
    static void changeSign(float[] buf, int at) {
        for (int b = 0, p = at + 18; b < 32; b += 2, p += 36) {
            for (int i = 1; i < 18; i += 2) {
                buf[p + i] = -buf[p + i];
            }
        }
    }

    private static void dct3x9(float[] y) {
        float s0 = y[0];
        float s2 = y[2];
        float s4 = y[4];
        float s6 = y[6];
        float s8 = y[8];
        float t0 = s0 + s6 * 0.5f;
        s0 -= s6;
        float t4 = (s4 + s2) * 0.93969262f;
        float t2 = (s8 + s2) * 0.76604444f;
        s6 = (s4 - s8) * 0.17364818f;
        s4 += s8 - s2;
        s2 = s0 - s4 * 0.5f;
        y[4] = s4 + s0;
        s8 = t0 - t2 + s6;
        s0 = t0 - t4 + t2;
        s4 = t0 + t4 - s6;
        float s1 = y[1];
        float s3 = y[3];
        float s5 = y[5];
        float s7 = y[7];
        s3 *= 0.86602540f;
        t0 = (s5 + s1) * 0.98480775f;
        t4 = (s5 - s7) * 0.34202014f;
        t2 = (s1 + s7) * 0.64278761f;
        s1 = (s1 - s5 - s7) * 0.86602540f;
        s5 = t0 - s3 - t2;
        s7 = t4 - s3 - t0;
        s3 = t4 + s3 - t2;
        y[0] = s4 - s7;
        y[1] = s2 + s1;
        y[2] = s0 - s3;
        y[3] = s8 + s5;
        y[5] = s8 - s5;
        y[6] = s0 + s3;
        y[7] = s2 - s1;
        y[8] = s4 + s7;
    }

    private void imdct36(float[] g, int at, float[] overlap, int ov, float[] window, int nbands) {
        for (int j = 0; j < nbands; j++, at += 18, ov += 9) {
            co[0] = -g[at];
            si[0] = g[at + 17];
            for (int i = 0; i < 4; i++) {
                si[8 - 2 * i] = g[at + 4 * i + 1] - g[at + 4 * i + 2];
                co[1 + 2 * i] = g[at + 4 * i + 1] + g[at + 4 * i + 2];
                si[7 - 2 * i] = g[at + 4 * i + 4] - g[at + 4 * i + 3];
                co[2 + 2 * i] = -(g[at + 4 * i + 3] + g[at + 4 * i + 4]);
            }
            dct3x9(co);
            dct3x9(si);
            si[1] = -si[1];
            si[3] = -si[3];
            si[5] = -si[5];
            si[7] = -si[7];
            for (int i = 0; i < 9; i++) {
                float ovl = overlap[ov + i];
                float sum = co[i] * TWID9[9 + i] + si[i] * TWID9[i];
                overlap[ov + i] = co[i] * TWID9[i] - si[i] * TWID9[9 + i];
                g[at + i] = ovl * window[i] - sum * window[9 + i];
                g[at + 17 - i] = ovl * window[9 + i] + sum * window[i];
            }
        }
    }

    private void imdct12(float[] x, int xi, float[] dst, int di, float[] overlap, int ov) {
        idct3(-x[xi], x[xi + 6] + x[xi + 3], x[xi + 12] + x[xi + 9], co3);
        idct3(x[xi + 15], x[xi + 12] - x[xi + 9], x[xi + 6] - x[xi + 3], si3);
        si3[1] = -si3[1];
        for (int i = 0; i < 3; i++) {
            float ovl = overlap[ov + i];
            float sum = co3[i] * TWID3[3 + i] + si3[i] * TWID3[i];
            overlap[ov + i] = co3[i] * TWID3[i] - si3[i] * TWID3[3 + i];
            dst[di + i] = ovl * TWID3[2 - i] - sum * TWID3[5 - i];
            dst[di + 5 - i] = ovl * TWID3[5 - i] + sum * TWID3[2 - i];
        }
    }

    private static void idct3(float x0, float x1, float x2, float[] dst) {
        float m1 = x1 * 0.86602540f;
        float a1 = x0 - x2 * 0.5f;
        dst[1] = x0 + x2;
        dst[0] = a1 + m1;
        dst[2] = a1 - m1;
    }

    private void imdctShort(float[] g, int at, float[] overlap, int ov, int nbands) {
        for (; nbands > 0; nbands--, ov += 9, at += 18) {
            System.arraycopy(g, at, tmp, 0, 18);
            System.arraycopy(overlap, ov, g, at, 6);
            imdct12(tmp, 0, g, at + 6, overlap, ov + 6);
            imdct12(tmp, 1, g, at + 12, overlap, ov + 6);
            imdct12(tmp, 2, overlap, ov, overlap, ov + 6);
        }
    }
}
