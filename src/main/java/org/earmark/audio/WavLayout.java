package org.earmark.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Where a WAV file's format, optional fact and sample data are, read from its RIFF chunks.
 *
 * @param fmtOffset  offset of the {@code fmt } chunk's header; {@code fmtSize} is its body size
 * @param factOffset offset of the {@code fact} chunk's header, or -1 when there is none
 * @param dataOffset offset of the first sample byte; {@code dataSize} whole sample frames only
 * @param encoding   how samples are stored
 */
record WavLayout(long fmtOffset, int fmtSize, long factOffset, int factSize, long dataOffset, long dataSize,
                 int channels, int sampleRate, int blockAlign, Encoding encoding) {

    enum Encoding {
        PCM_U8(1), PCM_S16(2), PCM_S24(3), PCM_S32(4), FLOAT32(4);

        final int bytes;

        Encoding(int bytes) {
            this.bytes = bytes;
        }
    }

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Writers that stream (ffmpeg to a pipe, some recorders after a crash) leave the size unknown like this. */
    private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;

    long frames() {
        return dataSize / blockAlign;
    }

    long durationMs() {
        return frames() * 1000 / sampleRate;
    }

    /**
     * A fact chunk is required for every format but plain PCM (the RIFF spec). For PCM it only repeats the frame
     * count, so {@link #read} forgets it there and the anonymised copy leaves it out.
     */
    boolean hasFact() {
        return factOffset >= 0;
    }

    static WavLayout read(FileBytes file) {
        ByteBuffer head = file.read(0, 12, ByteOrder.LITTLE_ENDIAN);
        if (head.remaining() < 12) {
            throw AudioErrors.truncated(file.path(), "the RIFF header is incomplete");
        }
        long fmtOffset = -1;
        int fmtSize = 0;
        long factOffset = -1;
        int factSize = 0;
        ByteBuffer fmt = null;
        long position = 12;
        while (position + 8 <= file.size()) {
            ByteBuffer chunk = file.read(position, 8, ByteOrder.LITTLE_ENDIAN);
            String id = fourCc(chunk, 0);
            long size = Integer.toUnsignedLong(chunk.getInt(4));
            long body = position + 8;
            if (id.equals("data")) {
                if (fmt == null) {
                    throw AudioErrors.damaged(file.path(), AudioFormat.WAV, "the sample data comes before the 'fmt ' chunk");
                }
                long available = file.size() - body;
                if (size == UNKNOWN_SIZE || (size == 0 && available > 0 && !chunkFollows(file, body))) {
                    size = available; // a recorder that stopped before writing the size: the samples run to the end
                } else if (size > available) {
                    throw AudioErrors.truncated(file.path(), "the data chunk announces " + size + " bytes of audio but"
                            + " only " + available + " are present");
                }
                return build(file, fmtOffset, fmtSize, fmt, factOffset, factSize, body, size);
            }
            if (body + size > file.size()) {
                throw AudioErrors.truncated(file.path(), "the '" + id.strip() + "' chunk runs past the end of the file");
            }
            if (id.equals("fmt ")) {
                if (size < 16) {
                    throw AudioErrors.damaged(file.path(), AudioFormat.WAV, "its 'fmt ' chunk is only " + size + " bytes");
                }
                fmtOffset = position;
                fmtSize = (int) size;
                fmt = file.read(body, (int) Math.min(size, 64), ByteOrder.LITTLE_ENDIAN);
            } else if (id.equals("fact")) {
                factOffset = position;
                factSize = (int) size;
            }
            position = body + size + (size & 1); // chunks are padded to an even length
        }
        if (fmt == null) {
            throw AudioErrors.truncated(file.path(), "no 'fmt ' chunk was found");
        }
        throw AudioErrors.truncated(file.path(), "no 'data' chunk with the samples was found");
    }

    private static WavLayout build(FileBytes file, long fmtOffset, int fmtSize, ByteBuffer fmt, long factOffset,
            int factSize, long dataOffset, long dataSize) {
        int tag = Short.toUnsignedInt(fmt.getShort(0));
        int channels = Short.toUnsignedInt(fmt.getShort(2));
        int sampleRate = fmt.getInt(4);
        int blockAlign = Short.toUnsignedInt(fmt.getShort(12));
        int bits = Short.toUnsignedInt(fmt.getShort(14));
        if (tag == FORMAT_EXTENSIBLE) {
            if (fmt.remaining() < 26) {
                throw AudioErrors.damaged(file.path(), AudioFormat.WAV, "its extensible 'fmt ' chunk is too short");
            }
            tag = Short.toUnsignedInt(fmt.getShort(24)); // the first two bytes of the sub-format GUID
        }
        Encoding encoding = encoding(file, tag, bits);
        if (channels < 1 || sampleRate < 1 || blockAlign != channels * encoding.bytes) {
            throw AudioErrors.damaged(file.path(), AudioFormat.WAV, "inconsistent format: " + channels + " channels, "
                    + sampleRate + " Hz, " + bits + " bits, block size " + blockAlign);
        }
        long whole = dataSize - dataSize % blockAlign;
        return new WavLayout(fmtOffset, fmtSize, tag == FORMAT_PCM ? -1 : factOffset, factSize, dataOffset, whole,
                channels, sampleRate, blockAlign, encoding);
    }

    private static Encoding encoding(FileBytes file, int tag, int bits) {
        if (tag == FORMAT_PCM) {
            switch (bits) {
                case 8: return Encoding.PCM_U8;
                case 16: return Encoding.PCM_S16;
                case 24: return Encoding.PCM_S24;
                case 32: return Encoding.PCM_S32;
                default: throw AudioErrors.unsupported(file.path(), bits + "-bit PCM WAV");
            }
        }
        if (tag == FORMAT_FLOAT && bits == 32) {
            return Encoding.FLOAT32;
        }
        throw AudioErrors.unsupported(file.path(), "WAV with " + (tag == FORMAT_FLOAT ? bits + "-bit floating-point"
                : String.format("compressed (format 0x%04X)", tag)) + " samples");
    }

    /** Whether a plausible chunk header starts at {@code position}, so that a data size of 0 means "empty". */
    private static boolean chunkFollows(FileBytes file, long position) {
        ByteBuffer header = file.read(position, 8, ByteOrder.LITTLE_ENDIAN);
        if (header.remaining() < 8) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            int c = header.get(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return position + 8 + Integer.toUnsignedLong(header.getInt(4)) <= file.size();
    }

    static String fourCc(ByteBuffer buffer, int at) {
        byte[] id = new byte[4];
        for (int i = 0; i < 4; i++) {
            id[i] = buffer.get(at + i);
        }
        return new String(id, StandardCharsets.ISO_8859_1);
    }
}
