package org.earmark.audio;

/**
 * Reads a Layer III frame's side information (ISO/IEC 11172-3 2.4.1.7, 13818-3 2.4.1.7) into granule records; a
 * port of minimp3's L3_read_side_info (lieff/minimp3, CC0 public domain).
 */
final class L3SideInfo {

    private L3SideInfo() {
    }

    /**
     * Fills {@code granules} (granule-major, then channel) and returns main_data_begin, or -1 when the values cannot
     * belong to a sound frame (too many big values, block type 0 with window switching, parts longer than the data).
     */
    static int read(L3Bits bits, L3Granule[] granules, int h) {
        int row = Mp3Decoder.sampleRateIndex(h);
        row -= row != 0 ? 1 : 0; // 11.025 and 12 kHz share a row
        boolean mpeg1 = Mp3Decoder.isMpeg1(h);
        boolean mono = Mp3Decoder.isMono(h);
        int count = mono ? 1 : 2;
        int mainDataBegin;
        int scfsi = 0;
        if (mpeg1) {
            count *= 2;
            mainDataBegin = bits.bits(9);
            scfsi = bits.bits(7 + count);
        } else {
            mainDataBegin = bits.bits(8 + count) >> count;
        }
        int part23Sum = 0;
        for (int g = 0; g < count; g++) {
            L3Granule gr = granules[g];
            if (mono) {
                scfsi <<= 4;
            }
            gr.part23Length = bits.bits(12);
            part23Sum += gr.part23Length;
            gr.bigValues = bits.bits(9);
            if (gr.bigValues > 288) {
                return -1;
            }
            gr.globalGain = bits.bits(8);
            gr.scalefacCompress = bits.bits(mpeg1 ? 4 : 9);
            gr.sfb = L3Tables.SFB_LONG[row];
            gr.nLongSfb = 22;
            gr.nShortSfb = 0;
            int tables;
            if (bits.bits(1) != 0) {
                gr.blockType = bits.bits(2);
                if (gr.blockType == 0) {
                    return -1;
                }
                gr.mixedBlock = bits.bits(1);
                gr.regionCount[0] = 7;
                gr.regionCount[1] = 255;
                if (gr.blockType == 2) {
                    scfsi &= 0x0F0F;
                    if (gr.mixedBlock == 0) {
                        gr.regionCount[0] = 8;
                        gr.sfb = L3Tables.SFB_SHORT[row];
                        gr.nLongSfb = 0;
                        gr.nShortSfb = 39;
                    } else {
                        gr.sfb = L3Tables.SFB_MIXED[row];
                        gr.nLongSfb = mpeg1 ? 8 : 6;
                        gr.nShortSfb = 30;
                    }
                }
                tables = bits.bits(10) << 5;
                gr.subblockGain[0] = bits.bits(3);
                gr.subblockGain[1] = bits.bits(3);
                gr.subblockGain[2] = bits.bits(3);
            } else {
                gr.blockType = 0;
                gr.mixedBlock = 0;
                tables = bits.bits(15);
                gr.regionCount[0] = bits.bits(4);
                gr.regionCount[1] = bits.bits(3);
                gr.regionCount[2] = 255;
            }
            gr.tableSelect[0] = tables >> 10;
            gr.tableSelect[1] = (tables >> 5) & 31;
            gr.tableSelect[2] = tables & 31;
            gr.preflag = mpeg1 ? bits.bits(1) : (gr.scalefacCompress >= 500 ? 1 : 0);
            gr.scalefacScale = bits.bits(1);
            gr.count1Table = bits.bits(1);
            gr.scfsi = (scfsi >> 12) & 15;
            scfsi <<= 4;
        }
        if (part23Sum + bits.pos > bits.limit + mainDataBegin * 8) {
            return -1;
        }
        return mainDataBegin;
    }
}
