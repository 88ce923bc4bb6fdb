package org.earmark.audio;

/**
 * The polyphase synthesis filter bank: 18 time slots of 32 subband samples per granule become 576 PCM samples per
 * channel. A port of minimp3's mp3d_DCT_II / mp3d_synth (lieff/minimp3, CC0 public domain): a fast 32-point DCT
 * (about 80 multiplications instead of 1024 of the direct matrixing) and a windowing stage that works two time slots
 * of both channels at once, in four lanes: left even, right even, left odd, right odd. Output is in 16-bit units,
 * unrounded, so that peaks can be taken before rounding.
 */
final class L3Synthesis {

    private static final float[] SEC = {10.19000816f, 0.50060302f, 0.50241929f, 3.40760851f, 0.50547093f,
        0.52249861f, 2.05778098f, 0.51544732f, 0.56694406f, 1.48416460f, 0.53104258f, 0.64682180f, 1.16943991f,
        0.55310392f, 0.78815460f, 0.97256821f, 0.58293498f, 1.06067765f, 0.83934963f, 0.62250412f, 1.72244716f,
        0.74453628f, 0.67480832f, 5.10114861f};
    /** The synthesis window (ISO/IEC 11172-3 table 3-B.3) folded and scaled to 16-bit output, pairs per lane step. */
    private static final float[] WINDOW = {
        -1,26,-31,208,218,401,-519,2063,2000,4788,-5517,7134,5959,35640,-39336,74992,
        -1,24,-35,202,222,347,-581,2080,1952,4425,-5879,7640,5288,33791,-41176,74856,
        -1,21,-38,196,225,294,-645,2087,1893,4063,-6237,8092,4561,31947,-43006,74630,
        -1,19,-41,190,227,244,-711,2085,1822,3705,-6589,8492,3776,30112,-44821,74313,
        -1,17,-45,183,228,197,-779,2075,1739,3351,-6935,8840,2935,28289,-46617,73908,
        -1,16,-49,176,228,153,-848,2057,1644,3004,-7271,9139,2037,26482,-48390,73415,
        -2,14,-53,169,227,111,-919,2032,1535,2663,-7597,9389,1082,24694,-50137,72835,
        -2,13,-58,161,224,72,-991,2001,1414,2330,-7910,9592,70,22929,-51853,72169,
        -2,11,-63,154,221,36,-1064,1962,1280,2006,-8209,9750,-998,21189,-53534,71420,
        -2,10,-68,147,215,2,-1137,1919,1131,1692,-8491,9863,-2122,19478,-55178,70590,
        -3,9,-73,139,208,-29,-1210,1870,970,1388,-8755,9935,-3300,17799,-56778,69679,
        -3,8,-79,132,200,-57,-1283,1817,794,1095,-8998,9966,-4533,16155,-58333,68692,
        -4,7,-85,125,189,-83,-1356,1759,605,814,-9219,9959,-5818,14548,-59838,67629,
        -4,7,-91,117,177,-106,-1428,1698,402,545,-9416,9916,-7154,12980,-61289,66494,
        -5,6,-97,111,163,-127,-1498,1634,185,288,-9585,9838,-8540,11455,-62684,65290,    };
    /** Samples of history the filter keeps per lane group: 15 slot pairs of 64. */
    static final int STATE_SIZE = 15 * 64;

    private final float[] t = new float[32];
    private final float[] lins = new float[(18 + 15) * 64];

    /**
     * Synthesises one granule: {@code grbuf} holds channel 0 at 0..575 and channel 1 at 576..1151 (subband-major, 18
     * slots each) and is used as scratch; {@code pcm} receives 576 samples per channel, interleaved, from {@code at}.
     */
    void granule(float[] state, float[] grbuf, int nch, float[] pcm, int at) {
        for (int ch = 0; ch < nch; ch++) {
            dct2(grbuf, 576 * ch);
        }
        System.arraycopy(state, 0, lins, 0, STATE_SIZE);
        int right = 576 * (nch - 1);
        for (int i = 0; i < 18; i += 2) {
            synth(grbuf, i, i + right, pcm, at + 32 * nch * i, nch, i * 64);
        }
        if (nch == 1) {
            for (int i = 0; i < STATE_SIZE; i += 2) {
                state[i] = lins[18 * 64 + i]; // lanes 1 and 3 (the right channel) are unused in mono
            }
        } else {
            System.arraycopy(lins, 18 * 64, state, 0, STATE_SIZE);
        }
    }

    /** In-place 32-point DCT-II across the subbands of each of the 18 time slots of one channel. */
    private void dct2(float[] g, int base) {
        float[] t = this.t;
        for (int k = 0; k < 18; k++) {
            int y = base + k;
            for (int i = 0; i < 8; i++) {
                float x0 = g[y + i * 18];
                float x1 = g[y + (15 - i) * 18];
                float x2 = g[y + (16 + i) * 18];
                float x3 = g[y + (31 - i) * 18];
                float t0 = x0 + x3;
                float t1 = x1 + x2;
                float t2 = (x1 - x2) * SEC[3 * i];
                float t3 = (x0 - x3) * SEC[3 * i + 1];
                t[i] = t0 + t1;
                t[8 + i] = (t0 - t1) * SEC[3 * i + 2];
                t[16 + i] = t3 + t2;
                t[24 + i] = (t3 - t2) * SEC[3 * i + 2];
            }
            for (int x = 0; x < 32; x += 8) {
                float x0 = t[x];
                float x1 = t[x + 1];
                float x2 = t[x + 2];
                float x3 = t[x + 3];
                float x4 = t[x + 4];
                float x5 = t[x + 5];
                float x6 = t[x + 6];
                float x7 = t[x + 7];
                float xt = x0 - x7;
                x0 += x7;
                x7 = x1 - x6;
                x1 += x6;
                x6 = x2 - x5;
                x2 += x5;
                x5 = x3 - x4;
                x3 += x4;
                x4 = x0 - x3;
                x0 += x3;
                x3 = x1 - x2;
                x1 += x2;
                t[x] = x0 + x1;
                t[x + 4] = (x0 - x1) * 0.70710677f;
                x5 = x5 + x6;
                x6 = (x6 + x7) * 0.70710677f;
                x7 = x7 + xt;
                x3 = (x3 + x4) * 0.70710677f;
                x5 -= x7 * 0.198912367f; // rotate by PI/8
                x7 += x5 * 0.382683432f;
                x5 -= x7 * 0.198912367f;
                x0 = xt - x6;
                xt += x6;
                t[x + 1] = (xt + x7) * 0.50979561f;
                t[x + 2] = (x4 + x3) * 0.54119611f;
                t[x + 3] = (x0 - x5) * 0.60134488f;
                t[x + 5] = (x0 + x5) * 0.89997619f;
                t[x + 6] = (x4 - x3) * 1.30656302f;
                t[x + 7] = (xt - x7) * 2.56291556f;
            }
            for (int i = 0; i < 7; i++, y += 4 * 18) {
                g[y] = t[i];
                g[y + 18] = t[16 + i] + t[24 + i] + t[24 + i + 1];
                g[y + 36] = t[8 + i] + t[8 + i + 1];
                g[y + 54] = t[16 + i + 1] + t[24 + i] + t[24 + i + 1];
            }
            g[y] = t[7];
            g[y + 18] = t[23] + t[31];
            g[y + 36] = t[15];
            g[y + 54] = t[31];
        }
    }

    /** Two output samples from the ends of the window (slots 0 and 16 of the 32), for one lane. */
    private static void pair(float[] pcm, int at, int nch, float[] z, int zi) {
        float v = (z[zi + 14 * 64] - z[zi]) * 29;
        v += (z[zi + 64] + z[zi + 13 * 64]) * 213;
        v += (z[zi + 12 * 64] - z[zi + 2 * 64]) * 459;
        v += (z[zi + 3 * 64] + z[zi + 11 * 64]) * 2037;
        v += (z[zi + 10 * 64] - z[zi + 4 * 64]) * 5153;
        v += (z[zi + 5 * 64] + z[zi + 9 * 64]) * 6574;
        v += (z[zi + 8 * 64] - z[zi + 6 * 64]) * 37489;
        v += z[zi + 7 * 64] * 75038;
        pcm[at] = v;
        zi += 2;
        v = z[zi + 14 * 64] * 104;
        v += z[zi + 12 * 64] * 1567;
        v += z[zi + 10 * 64] * 9727;
        v += z[zi + 8 * 64] * 64019;
        v += z[zi + 6 * 64] * -9975;
        v += z[zi + 4 * 64] * -45;
        v += z[zi + 2 * 64] * 146;
        v += z[zi] * -5;
        pcm[at + 16 * nch] = v;
    }

    /**
     * Time slots {@code xl} and {@code xl + 1} of both channels ({@code xr} is the right's). In mono only lanes 0 and 2
     * are filled and computed; minimp3 computes the right's lanes from the left's again and throws them away.
     */
    private void synth(float[] x, int xl, int xr, float[] pcm, int dstl, int nch, int base) {
        float[] lins = this.lins;
        boolean stereo = nch == 2;
        int zlin = base + 15 * 64;
        lins[zlin + 4 * 15] = x[xl + 18 * 16];
        lins[zlin + 4 * 15 + 2] = x[xl];
        lins[zlin + 4 * 31] = x[xl + 1 + 18 * 16];
        lins[zlin + 4 * 31 + 2] = x[xl + 1];
        if (stereo) {
            lins[zlin + 4 * 15 + 1] = x[xr + 18 * 16];
            lins[zlin + 4 * 15 + 3] = x[xr];
            lins[zlin + 4 * 31 + 1] = x[xr + 1 + 18 * 16];
            lins[zlin + 4 * 31 + 3] = x[xr + 1];
            pair(pcm, dstl + 1, 2, lins, base + 4 * 15 + 1);
            pair(pcm, dstl + 1 + 64, 2, lins, base + 4 * 15 + 64 + 1);
        }
        pair(pcm, dstl, nch, lins, base + 4 * 15);
        pair(pcm, dstl + 32 * nch, nch, lins, base + 4 * 15 + 64);
        for (int i = 14; i >= 0; i--) {
            int row = 31 - i;
            int z = zlin + 4 * i;
            lins[z] = x[xl + 18 * row];
            lins[z + 2] = x[xl + 1 + 18 * row];
            lins[z + 64] = x[xl + 1 + 18 * (1 + i)];
            lins[z - 64 + 2] = x[xl + 18 * (1 + i)];
            if (stereo) {
                lins[z + 1] = x[xr + 18 * row];
                lins[z + 3] = x[xr + 1 + 18 * row];
                lins[z + 64 + 1] = x[xr + 1 + 18 * (1 + i)];
                lins[z - 64 + 3] = x[xr + 18 * (1 + i)];
                window(lins, z + 1, (14 - i) * 16, pcm, dstl + 1, 2, i); // the right's lanes, 1 and 3
            }
            window(lins, z, (14 - i) * 16, pcm, dstl, nch, i);
        }
    }

    /**
     * One step of the windowing for two lanes, {@code lane} and {@code lane + 2} (the even and odd slot of one
     * channel): eight pairs of taps, alternately added and subtracted, give output samples 15 - i and 17 + i of the
     * even slot and 47 - i and 49 + i of the odd one, written {@code nch} apart from {@code dst}.
     */
    private static void window(float[] lins, int z, int w, float[] pcm, int dst, int nch, int i) {
        float a0 = 0;
        float a2 = 0;
        float b0 = 0;
        float b2 = 0;
        int vz = z;
        int vy = z - 15 * 64;
        for (int k = 0; k < 8; k += 2, w += 4, vz -= 128, vy += 128) {
            float w0 = WINDOW[w];
            float w1 = WINDOW[w + 1];
            float z0 = lins[vz];
            float y0 = lins[vy];
            float z2 = lins[vz + 2];
            float y2 = lins[vy + 2];
            b0 += z0 * w1 + y0 * w0;
            a0 += z0 * w0 - y0 * w1;
            b2 += z2 * w1 + y2 * w0;
            a2 += z2 * w0 - y2 * w1;
            w0 = WINDOW[w + 2];
            w1 = WINDOW[w + 3];
            z0 = lins[vz - 64];
            y0 = lins[vy + 64];
            z2 = lins[vz - 64 + 2];
            y2 = lins[vy + 64 + 2];
            b0 += z0 * w1 + y0 * w0;
            a0 += y0 * w1 - z0 * w0;
            b2 += z2 * w1 + y2 * w0;
            a2 += y2 * w1 - z2 * w0;
        }
        pcm[dst + (15 - i) * nch] = a0;
        pcm[dst + (17 + i) * nch] = b0;
        pcm[dst + (47 - i) * nch] = a2;
        pcm[dst + (49 + i) * nch] = b2;
    }
}
