package org.earmark.audio;

/**
 * Joint stereo: mid/side and intensity stereo over both channels of a granule, held as left at 0..575 and right at
 * 576..1151 of one array. A port of minimp3's L3_midside_stereo / L3_intensity_stereo (lieff/minimp3, CC0 public
 * domain); MPEG-2 intensity positions scale by powers of 2^(-1/4) (ISO/IEC 13818-3 2.4.3.2), MPEG-1's pan by tan.
 */
final class L3Stereo {

    /** MPEG-1 intensity positions 0..6 as left and right factors. */
    private static final float[] PAN = {0, 1, 0.21132487f, 0.78867513f, 0.36602540f, 0.63397460f, 0.5f, 0.5f,
        0.63397460f, 0.36602540f, 0.78867513f, 0.21132487f, 1, 0};

    private final int[] maxBand = new int[3];

    static void midSide(float[] buf, int from, int n) {
        for (int i = from, end = from + n; i < end; i++) {
            float a = buf[i];
            float b = buf[i + 576];
            buf[i] = a + b;
            buf[i + 576] = a - b;
        }
    }

    /** Intensity stereo (with mid/side below the intensity bands when both are on); {@code istPos} is the right's. */
    void intensity(float[] buf, int[] istPos, L3Granule gr, L3Granule right, int header) {
        int nSfb = gr.nLongSfb + gr.nShortSfb;
        int maxBlocks = gr.nShortSfb != 0 ? 3 : 1;
        topBands(buf, gr.sfb, nSfb);
        if (gr.nLongSfb != 0) {
            int top = Math.max(Math.max(maxBand[0], maxBand[1]), maxBand[2]);
            maxBand[0] = maxBand[1] = maxBand[2] = top;
        }
        boolean mpeg1 = Mp3Decoder.isMpeg1(header);
        for (int i = 0; i < maxBlocks; i++) {
            int defaultPos = mpeg1 ? 3 : 0;
            int itop = nSfb - maxBlocks + i;
            int prev = itop - maxBlocks;
            istPos[itop] = maxBand[i] >= prev ? defaultPos : istPos[prev]; // the top band has no position of its own
        }
        process(buf, istPos, gr.sfb, header, right.scalefacCompress & 1);
    }

    /** Per window, the highest band in which the right channel has a non-zero value; -1 if none. */
    private void topBands(float[] buf, int[] sfb, int nBands) {
        maxBand[0] = maxBand[1] = maxBand[2] = -1;
        int right = 576;
        for (int i = 0; i < nBands; i++) {
            for (int k = 0; k < sfb[i]; k += 2) {
                if (buf[right + k] != 0 || buf[right + k + 1] != 0) {
                    maxBand[i % 3] = i;
                    break;
                }
            }
            right += sfb[i];
        }
    }

    private void process(float[] buf, int[] istPos, int[] sfb, int header, int mpeg2Shift) {
        boolean mpeg1 = Mp3Decoder.isMpeg1(header);
        boolean ms = Mp3Decoder.msBit(header);
        int maxPos = mpeg1 ? 7 : 64;
        int left = 0;
        for (int i = 0; sfb[i] != 0; i++) {
            int ipos = istPos[i];
            if (i > maxBand[i % 3] && ipos < maxPos) {
                float s = ms ? 1.41421356f : 1;
                float kl;
                float kr;
                if (mpeg1) {
                    kl = PAN[2 * ipos];
                    kr = PAN[2 * ipos + 1];
                } else {
                    kl = 1;
                    kr = L3Scalefactors.ldexpQ2(1, (ipos + 1) >> 1 << mpeg2Shift);
                    if ((ipos & 1) != 0) {
                        kl = kr;
                        kr = 1;
                    }
                }
                kl *= s;
                kr *= s;
                for (int k = left, end = left + sfb[i]; k < end; k++) {
                    buf[k + 576] = buf[k] * kr;
                    buf[k] = buf[k] * kl;
                }
            } else if (ms) {
                midSide(buf, left, sfb[i]);
            }
            left += sfb[i];
        }
    }
}
