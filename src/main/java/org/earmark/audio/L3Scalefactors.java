package org.earmark.audio;

/**
 * Reads a granule's scalefactors and turns them into one gain per scalefactor band (global gain, subblock gain,
 * preemphasis and the scalefactor itself folded into a single multiplier). A port of minimp3's
 * L3_decode_scalefactors (lieff/minimp3, CC0 public domain); the MPEG-2 layouts follow ISO/IEC 13818-3.
 */
final class L3Scalefactors {

    /** 2^(-n/4) * 2^-30 for n = 0..3: the fractional part of a quarter-power gain step. */
    private static final float[] EXP_FRAC = {9.31322575e-10f, 7.83145814e-10f, 6.58544508e-10f, 5.53767716e-10f};
    /** MPEG-1 scalefac_compress to the two scalefactor bit widths, slen1 << 2 | slen2. */
    private static final int[] MPEG1_SLEN = {0, 1, 2, 3, 12, 5, 6, 7, 9, 10, 11, 13, 14, 15, 18, 19};
    /** MPEG-2 scalefac_compress decoding: the moduli of the four widths, 3 layouts without and 3 with intensity. */
    private static final int[] MPEG2_MOD = {5, 5, 4, 4, 5, 5, 4, 1, 4, 3, 1, 1, 5, 6, 6, 1, 4, 4, 4, 1, 4, 3, 1, 1};
    private static final int[] PREEMPHASIS = {1, 1, 1, 1, 2, 2, 3, 3, 3, 2};
    /** Keeps exponents positive: the gain is built as 2^11 scaled down, 44 quarter steps above the largest gain. */
    private static final int MAX_SCFI = 44;

    private final int[] iscf = new int[48];
    private final int[] scfSize = new int[4];

    /** {@code y * 2^(-exp/4)} for exp >= 0, in steps that never underflow an int shift. */
    static float ldexpQ2(float y, int exp) {
        int e;
        do {
            e = Math.min(30 * 4, exp);
            y *= EXP_FRAC[e & 3] * ((1 << 30) >> (e >> 2));
        } while ((exp -= e) > 0);
        return y;
    }

    /**
     * Fills {@code scf} with one multiplier per band of {@code gr} and {@code istPos} with the raw values (intensity
     * positions for the right channel; 255 marks MPEG-2's "illegal" position).
     */
    void decode(int header, int[] istPos, L3Bits bits, L3Granule gr, float[] scf, int ch) {
        int layout = (gr.nShortSfb != 0 ? 1 : 0) + (gr.nLongSfb == 0 ? 1 : 0);
        int[] partitions = L3Tables.SCF_PARTITIONS[layout];
        int partition = 0;
        int scfShift = gr.scalefacScale + 1;
        int scfsi = gr.scfsi;
        if (Mp3Decoder.isMpeg1(header)) {
            int part = MPEG1_SLEN[gr.scalefacCompress];
            scfSize[0] = scfSize[1] = part >> 2;
            scfSize[2] = scfSize[3] = part & 3;
        } else {
            int ist = Mp3Decoder.intensityStereo(header) && ch != 0 ? 1 : 0;
            int sfc = gr.scalefacCompress >> ist;
            int k = ist * 3 * 4;
            for (int modprod; sfc >= 0; sfc -= modprod, k += 4) {
                modprod = 1;
                for (int i = 3; i >= 0; i--) {
                    scfSize[i] = sfc / modprod % MPEG2_MOD[k + i];
                    modprod *= MPEG2_MOD[k + i];
                }
            }
            partition = k;
            scfsi = -16;
        }
        read(istPos, partitions, partition, bits, scfsi);
        if (gr.nShortSfb != 0) {
            int sh = 3 - scfShift;
            for (int i = 0; i < gr.nShortSfb; i += 3) {
                iscf[gr.nLongSfb + i] += gr.subblockGain[0] << sh;
                iscf[gr.nLongSfb + i + 1] += gr.subblockGain[1] << sh;
                iscf[gr.nLongSfb + i + 2] += gr.subblockGain[2] << sh;
            }
        } else if (gr.preflag != 0) {
            for (int i = 0; i < 10; i++) {
                iscf[11 + i] += PREEMPHASIS[i];
            }
        }
        int gainExp = gr.globalGain - 4 - 210 - (Mp3Decoder.msStereo(header) ? 2 : 0);
        float gain = ldexpQ2(1 << (MAX_SCFI / 4), MAX_SCFI - gainExp);
        for (int i = 0, n = gr.nLongSfb + gr.nShortSfb; i < n; i++) {
            scf[i] = ldexpQ2(gain, iscf[i] << scfShift);
        }
    }

    private void read(int[] istPos, int[] counts, int from, L3Bits bits, int scfsi) {
        int at = 0;
        for (int i = 0; i < 4 && counts[from + i] != 0; i++, scfsi *= 2) {
            int count = counts[from + i];
            if ((scfsi & 8) != 0) {
                System.arraycopy(istPos, at, iscf, at, count); // MPEG-1 scfsi: granule 0's values stand
            } else {
                int width = scfSize[i];
                if (width == 0) {
                    for (int k = 0; k < count; k++) {
                        iscf[at + k] = 0;
                        istPos[at + k] = 0;
                    }
                } else {
                    int illegal = scfsi < 0 ? (1 << width) - 1 : -1;
                    for (int k = 0; k < count; k++) {
                        int s = bits.bits(width);
                        istPos[at + k] = s == illegal ? 255 : s;
                        iscf[at + k] = s;
                    }
                }
            }
            at += count;
        }
        iscf[at] = 0;
        iscf[at + 1] = 0;
        iscf[at + 2] = 0;
    }
}
