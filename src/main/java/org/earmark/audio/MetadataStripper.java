package org.earmark.audio;

import static org.earmark.core.Preconditions.checkNotNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.earmark.core.EarmarkException;

/**
 * Writes a copy of a recording without the container metadata that could unblind a coder: names, teams, dates and
 * comments in ID3v1/v2, APEv2, Lyrics3, RIFF INFO/bext/iXML and MP4 udta/meta/ilst atoms. The audio bytes are copied
 * unchanged, so the copy decodes to exactly the same samples.
 *
 * <ul>
 *   <li>MP3: only the MPEG frames are kept (the Xing/LAME info frame included, for gapless playback); every tag
 *       before, between or after them goes.</li>
 *   <li>WAV: only {@code fmt }, {@code data} and, for formats other than plain PCM, {@code fact} are kept.</li>
 *   <li>M4A: metadata atoms become {@code free} atoms of the same size with a zeroed body, so no chunk offset
 *       (stco/co64) moves; creation and modification times and handler names are zeroed in place.</li>
 * </ul>
 */
public final class MetadataStripper {

    private static final int COPY_BLOCK = 1 << 20;

    private MetadataStripper() {
    }

    /**
     * Writes the stripped copy of {@code in} to {@code out} atomically (a temporary file, then a move). {@code in}
     * is only read.
     *
     * @return what the copy holds, probed from the written file
     * @throws EarmarkException {@code BAD_INPUT} as {@link AudioProbe#probe} for unusable input, or when {@code out}
     *                          is the input itself; {@code IO} when writing fails
     */
    public static AudioInfo strip(Path in, Path out) {
        checkNotNull(in, "in");
        checkNotNull(out, "out");
        if (sameFile(in, out)) {
            throw EarmarkException.badInput("Cannot strip " + in + " into itself: the original must stay as it is;"
                    + " choose another output file.");
        }
        AudioInfo before;
        try (FileBytes file = AudioProbe.open(in)) {
            switch (AudioProbe.identify(file)) {
                case WAV -> {
                    WavLayout wav = WavLayout.read(file);
                    before = new AudioInfo(AudioFormat.WAV, wav.durationMs(), wav.sampleRate(), wav.channels());
                    org.earmark.core.AtomicFiles.writeChannel(out, channel -> writeWav(file, wav, channel));
                }
                case MP3 -> {
                    Mp3Stream mp3 = Mp3Scanner.scan(file);
                    before = new AudioInfo(AudioFormat.MP3, mp3.durationMs(), mp3.sampleRate(), mp3.channels());
                    org.earmark.core.AtomicFiles.writeChannel(out, channel -> writeMp3(mp3, channel));
                }
                case M4A -> {
                    Mp4Layout mp4 = Mp4Layout.read(file);
                    before = new AudioInfo(AudioFormat.M4A, mp4.durationMs(), mp4.sampleRate(), mp4.channels());
                    org.earmark.core.AtomicFiles.writeChannel(out, channel -> writeMp4(file, mp4, channel));
                }
                default -> throw new IllegalStateException("unknown format");
            }
        }
        return verify(in, out, before);
    }

    /** The copy must read back as the same audio, and an M4A copy must have no metadata atom left. */
    private static AudioInfo verify(Path in, Path out, AudioInfo before) {
        AudioInfo after = AudioProbe.probe(out);
        boolean clean = true;
        if (after.format() == AudioFormat.M4A) {
            try (FileBytes file = FileBytes.open(out)) {
                clean = Mp4Layout.read(file).blank().isEmpty();
            }
        }
        if (!after.equals(before) || !clean) {
            throw new IllegalStateException("the stripped copy of " + in + " does not match it: " + before + " became "
                    + after + (clean ? "" : " with metadata atoms left"));
        }
        return after;
    }

    private static void writeWav(FileBytes file, WavLayout wav, FileChannel out) throws IOException {
        long fmt = 8 + padded(wav.fmtSize());
        long fact = wav.hasFact() ? 8 + padded(wav.factSize()) : 0;
        long data = 8 + padded(wav.dataSize());
        ByteBuffer riff = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        riff.put(ascii("RIFF")).putInt((int) (4 + fmt + fact + data)).put(ascii("WAVE")).flip();
        writeFully(out, riff);
        copy(file, wav.fmtOffset(), 8 + wav.fmtSize(), out);
        pad(out, wav.fmtSize());
        if (wav.hasFact()) {
            copy(file, wav.factOffset(), 8 + wav.factSize(), out);
            pad(out, wav.factSize());
        }
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("data")).putInt((int) wav.dataSize()).flip(); // the real size, even if the input left it unset
        writeFully(out, header);
        copy(file, wav.dataOffset(), wav.dataSize(), out);
        pad(out, wav.dataSize());
    }

    private static void writeMp3(Mp3Stream mp3, FileChannel out) throws IOException {
        ByteBuffer data = mp3.data();
        if (mp3.infoOffset() >= 0) {
            writeFully(out, data.slice((int) mp3.infoOffset(), mp3.infoLength()));
        }
        // Frames are almost always back to back: write each unbroken run at once.
        int i = 0;
        while (i < mp3.frameCount()) {
            int start = mp3.offsets()[i];
            int end = start + mp3.lengths()[i];
            i++;
            while (i < mp3.frameCount() && mp3.offsets()[i] == end && end - start < COPY_BLOCK) {
                end += mp3.lengths()[i];
                i++;
            }
            writeFully(out, data.slice(start, end - start));
        }
    }

    private static void writeMp4(FileBytes file, Mp4Layout mp4, FileChannel out) throws IOException {
        copy(file, 0, file.size(), out);
        for (Mp4Layout.Atom atom : mp4.blank()) {
            writeFully(out, ByteBuffer.wrap(ascii("free")), atom.offset() + 4);
            zero(out, atom.body(), atom.end() - atom.body());
        }
        for (long[] range : mp4.zero()) {
            zero(out, range[0], range[1]);
        }
    }

    private static void zero(FileChannel out, long position, long length) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(length, COPY_BLOCK));
        for (long done = 0; done < length; ) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), length - done));
            done += writeFully(out, zeros, position + done);
        }
    }

    private static void copy(FileBytes file, long position, long length, FileChannel out) throws IOException {
        for (long done = 0; done < length; ) {
            long n = file.channel().transferTo(position + done, length - done, out);
            if (n <= 0) {
                throw new IOException("the input ended early");
            }
            done += n;
        }
    }

    private static void pad(FileChannel out, long size) throws IOException {
        if ((size & 1) != 0) {
            writeFully(out, ByteBuffer.allocate(1)); // RIFF chunks are padded to an even length
        }
    }

    private static long padded(long size) {
        return size + (size & 1);
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static int writeFully(FileChannel out, ByteBuffer buffer, long position) throws IOException {
        int n = 0;
        while (buffer.hasRemaining()) {
            n += out.write(buffer, position + n);
        }
        return n;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean sameFile(Path in, Path out) {
        try {
            return Files.exists(out) && Files.isSameFile(in, out);
        } catch (IOException e) {
            return in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize());
        }
    }
}
