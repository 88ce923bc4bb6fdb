package org.earmark.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the frames of an MP3 file by walking from frame header to frame header, past ID3v2 tags at the start and
 * ID3v1, Enhanced TAG+, APEv2 and Lyrics3 tags at the end. Counting frames (rather than trusting a Xing header)
 * gives the true length of a file that was cut short; 90 minutes is about 230,000 frames and takes milliseconds.
 */
final class Mp3Scanner {

    /** Consecutive, consistent frames we want to see before believing a sync word is not a coincidence. */
    private static final int CONFIRM_FRAMES = 3;

    private Mp3Scanner() {
    }

    /** Whether the bytes at the start of a file look like MP3: an ID3v2 tag or a confirmed frame header. */
    static boolean looksLikeMp3(byte[] head) {
        if (head.length >= 3 && head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
            return true;
        }
        if (head.length < 4) {
            return false;
        }
        int h = ByteBuffer.wrap(head).getInt(0);
        return Mp3Header.frameLength(h) > 0 || Mp3Header.isFreeFormat(h); // the scan explains free format
    }

    static Mp3Stream scan(FileBytes file) {
        if (file.size() > Integer.MAX_VALUE) {
            throw AudioErrors.unsupported(file.path(), "an MP3 file over 2 GB");
        }
        ByteBuffer data;
        try {
            data = file.channel().map(FileChannel.MapMode.READ_ONLY, 0, file.size());
        } catch (IOException e) {
            throw AudioErrors.readFailed(file.path(), e);
        }
        int start = skipLeadingTags(file, data);
        if (matches(data, start, "fLaC")) {
            throw AudioErrors.unsupported(file.path(), "FLAC"); // some taggers put ID3v2 in front of FLAC too
        }
        int end = endOfAudio(data, start);
        int first = findFrame(data, start, end, 0);
        if (first < 0 && start + 4 <= end && Mp3Header.isFreeFormat(data.getInt(start))) {
            throw AudioErrors.unsupported(file.path(), "free-format MP3 (frames without a bitrate)");
        }
        if (first < 0) {
            throw start > 0 ? AudioErrors.damaged(file.path(), AudioFormat.MP3, "it has a tag but no MPEG audio frames")
                    : AudioErrors.notAudio(file.path(), "no MPEG audio frames were found");
        }
        int header = data.getInt(first);
        if (Mp3Header.layer(header) != 3) {
            throw AudioErrors.unsupported(file.path(), "MPEG audio layer " + (Mp3Header.layer(header) == 1 ? "I" : "II")
                    + " (MP" + Mp3Header.layer(header) + ")");
        }
        return collect(file, data, first, end, header);
    }

    private static Mp3Stream collect(FileBytes file, ByteBuffer data, int first, int end, int header) {
        int reference = header & Mp3Header.STREAM_MASK;
        InfoFrame info = InfoFrame.parse(data, first, header);
        int capacity = Math.max(16, (end - first) / Math.max(1, Mp3Header.frameLength(header)) + 16);
        int[] offsets = new int[capacity];
        int[] lengths = new int[capacity];
        int count = 0;
        int position = first;
        boolean cutMidFrame = false;
        if (info != null) {
            position += Mp3Header.frameLength(header);
        }
        while (position + 4 <= end) {
            int h = data.getInt(position);
            int length = (h & Mp3Header.STREAM_MASK) == reference ? Mp3Header.frameLength(h) : -1;
            if (length < 0) {
                // Lost sync (a damaged stretch, or junk after the audio): go on at the next run of good frames.
                int next = findFrame(data, position + 1, end, reference);
                if (next < 0) {
                    break;
                }
                position = next;
                continue;
            }
            if (position + length > end) {
                cutMidFrame = true;
                break;
            }
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            offsets[count] = position;
            lengths[count] = length;
            count++;
            position += length;
        }
        if (info != null && info.frames() > count) {
            throw AudioErrors.truncated(file.path(), "its header announces " + info.frames() + " MP3 frames but only "
                    + count + " are present");
        }
        if (cutMidFrame) {
            throw AudioErrors.truncated(file.path(), "the last MP3 frame is cut off");
        }
        if (count == 0) {
            throw AudioErrors.damaged(file.path(), AudioFormat.MP3, "it holds no audio frames");
        }
        return new Mp3Stream(data, offsets, lengths, count, info == null ? -1 : first,
                info == null ? 0 : Mp3Header.frameLength(header), Mp3Header.sampleRate(header),
                Mp3Header.channels(header), Mp3Header.samplesPerFrame(header), info == null ? -1 : info.delay(),
                info == null ? 0 : info.padding(), info == null ? -1 : info.frames());
    }

    /** Skips ID3v2 tags (there may be more than one), honouring the footer flag; returns where the audio may begin. */
    private static int skipLeadingTags(FileBytes file, ByteBuffer data) {
        int position = 0;
        while (position + 10 <= data.limit() && data.get(position) == 'I' && data.get(position + 1) == 'D'
                && data.get(position + 2) == '3') {
            int size = syncSafe(data, position + 6);
            if (size < 0) {
                break;
            }
            boolean footer = (data.get(position + 5) & 0x10) != 0 && data.get(position + 3) >= 4;
            long next = position + 10L + size + (footer ? 10 : 0);
            if (next > data.limit()) {
                throw AudioErrors.truncated(file.path(), "the ID3 tag at the start runs past the end of the file");
            }
            position = (int) next;
        }
        return position;
    }

    /** The end of the audio frames: the file's end less any tags stored after the audio. */
    static int endOfAudio(ByteBuffer data, int start) {
        int end = data.limit();
        boolean found = true;
        while (found && end > start) {
            found = false;
            if (end - start >= 128 && matches(data, end - 128, "TAG")) {
                end -= 128; // ID3v1
                if (end - start >= 227 && matches(data, end - 227, "TAG+")) {
                    end -= 227; // Enhanced TAG, which sits in front of ID3v1
                }
                found = true;
            } else if (end - start >= 32 && matches(data, end - 32, "APETAGEX")) {
                int size = data.get(end - 20) & 0xFF | (data.get(end - 19) & 0xFF) << 8 | (data.get(end - 18) & 0xFF) << 16
                        | (data.get(end - 17) & 0xFF) << 24; // little-endian, counts items and footer
                boolean header = (data.get(end - 9) & 0x80) != 0;
                long tag = (long) size + (header ? 32 : 0);
                if (size >= 32 && tag <= end - start) {
                    end -= (int) tag;
                    found = true;
                }
            } else if (end - start >= 15 && matches(data, end - 9, "LYRICS200")) {
                int size = digits(data, end - 15, 6);
                if (size > 0 && size + 15 <= end - start) {
                    end -= size + 15;
                    found = true;
                }
            } else if (end - start >= 20 && matches(data, end - 10, "3DI")) {
                int size = syncSafe(data, end - 4);
                if (size >= 0 && size + 20 <= end - start) {
                    end -= size + 20; // ID3v2.4 appended at the end, found by its footer
                    found = true;
                }
            }
        }
        return end;
    }

    /**
     * The first offset in [from, end) with a frame header followed by {@link #CONFIRM_FRAMES} consistent frames
     * (or by the end of the audio), or -1. With {@code reference} 0 any stream is accepted.
     */
    private static int findFrame(ByteBuffer data, int from, int end, int reference) {
        for (int position = from; position + 4 <= end; position++) {
            if ((data.get(position) & 0xFF) != 0xFF) {
                continue;
            }
            int h = data.getInt(position);
            int length = Mp3Header.frameLength(h);
            if (length < 0 || (reference != 0 && (h & Mp3Header.STREAM_MASK) != reference)) {
                continue;
            }
            if (confirmed(data, position, end, h & Mp3Header.STREAM_MASK)) {
                return position;
            }
        }
        return -1;
    }

    private static boolean confirmed(ByteBuffer data, int position, int end, int reference) {
        int at = position;
        for (int i = 0; i < CONFIRM_FRAMES; i++) {
            int length = Mp3Header.frameLength(data.getInt(at));
            at += length;
            if (at == end || (at > end && i > 0)) {
                return true; // a short stream: it reaches the end (or is cut off there) in step
            }
            if (at + 4 > end) {
                return false;
            }
            int next = data.getInt(at);
            if ((next & Mp3Header.STREAM_MASK) != reference || Mp3Header.frameLength(next) < 0) {
                return false;
            }
        }
        return true;
    }

    static int syncSafe(ByteBuffer data, int at) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int b = data.get(at + i) & 0xFF;
            if (b >= 0x80) {
                return -1;
            }
            value = value << 7 | b;
        }
        return value;
    }

    private static int digits(ByteBuffer data, int at, int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            int c = data.get(at + i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    static boolean matches(ByteBuffer data, int at, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.ISO_8859_1);
        if (at < 0 || at + expected.length > data.limit()) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (data.get(at + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** A Xing/Info or VBRI frame: a silent frame in front of the audio that carries its length and gapless data. */
    record InfoFrame(long frames, int delay, int padding) {

        static InfoFrame parse(ByteBuffer data, int offset, int header) {
            int length = Mp3Header.frameLength(header);
            int xing = offset + 4 + Mp3Header.sideInfoSize(header);
            // LAME (-p) sets the CRC bit on the info frame too but writes the tag as if there were no CRC; allow both.
            for (int at : Mp3Header.hasCrc(header) ? new int[] {xing + 2, xing} : new int[] {xing}) {
                if (matches(data, at, "Xing") || matches(data, at, "Info")) {
                    return xing(data, at, offset + length);
                }
            }
            int vbri = offset + 36;
            if (matches(data, vbri, "VBRI") && vbri + 18 <= offset + length) {
                return new InfoFrame(Integer.toUnsignedLong(data.getInt(vbri + 14)), -1, 0);
            }
            return null;
        }

        private static InfoFrame xing(ByteBuffer data, int at, int frameEnd) {
            if (at + 8 > frameEnd) {
                return new InfoFrame(-1, -1, 0);
            }
            int flags = data.getInt(at + 4);
            int position = at + 8;
            long frames = -1;
            if ((flags & 1) != 0 && position + 4 <= frameEnd) {
                frames = Integer.toUnsignedLong(data.getInt(position));
                position += 4;
            }
            position += ((flags & 2) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 100 : 0) + ((flags & 8) != 0 ? 4 : 0);
            // The LAME tag (also written by ffmpeg as "Lavf"/"Lavc"): 21 bytes in come 12 bits each of delay and padding.
            if (position + 24 <= frameEnd && (matches(data, position, "LAME") || matches(data, position, "Lavf")
                    || matches(data, position, "Lavc") || matches(data, position, "L3.9"))) {
                int b0 = data.get(position + 21) & 0xFF;
                int b1 = data.get(position + 22) & 0xFF;
                int b2 = data.get(position + 23) & 0xFF;
                return new InfoFrame(frames, b0 << 4 | b1 >>> 4, (b1 & 0x0F) << 8 | b2);
            }
            return new InfoFrame(frames, -1, 0);
        }
    }
}
