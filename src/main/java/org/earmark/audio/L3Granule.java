package org.earmark.audio;

/**
 * The side information of one granule of one channel (ISO/IEC 11172-3 2.4.1.7), in the shape minimp3 keeps it:
 * {@code sfb} is the band-width table for this block type, {@code nLongSfb}/{@code nShortSfb} how many of its bands
 * are long and short (for short bands each window counts once).
 */
final class L3Granule {

    int[] sfb;
    int part23Length;
    int bigValues;
    int scalefacCompress;
    int globalGain;
    int blockType;
    int mixedBlock;
    int nLongSfb;
    int nShortSfb;
    final int[] tableSelect = new int[3];
    final int[] regionCount = new int[3];
    final int[] subblockGain = new int[3];
    int preflag;
    int scalefacScale;
    int count1Table;
    int scfsi;
}
