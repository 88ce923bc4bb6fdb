package org.earmark.audio;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.Obuffer;
import org.earmark.core.EarmarkException;
import org.earmark.core.Progress;

/**
 * MP3 peaks through jlayer, the frame list cut into one part per core. A part's decoder starts
 * {@link #WARM_UP_FRAMES} frames early, so that its bit reservoir, overlap-add and synthesis filter hold what they
 * would have held; the output of those frames is thrown away. The result is identical to one decoder going through
 * the whole file (a test checks that).
 *
 * <p>Sample 0 of the waveform is decoded sample {@link Mp3Stream#skipSamples()}: the LAME tag's encoder delay (or
 * LAME's usual 576 without one) plus the decoder's 529, so that the waveform lines up with what a gapless player
 * plays. The info frame, a silent frame carrying that tag, is not decoded at all.
 */
final class Mp3Peaks {

    /** More than the bit reservoir (at most 511 bytes back) and the filter banks (under one frame) reach. */
    static final int WARM_UP_FRAMES = 8;
    /** Parts smaller than this (about 25 s) are not worth a thread. */
    private static final int MIN_PART_FRAMES = 1000;
    /** Frames between cancellation checks and progress reports; about half a second of audio. */
    private static final int CHECK_EVERY = 20;
    /** jlayer scales its output to 32700, not 32768; the peaks are put back on the 16-bit scale of WAV. */
    private static final float JLAYER_SCALE = 32768f / 32700f;
    /** jlayer fills static tables the first time a decoder starts; two threads doing that at once could race. */
    private static final Object FIRST_FRAME_LOCK = new Object();

    private Mp3Peaks() {
    }

    static int defaultParts() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Uses up to {@code maxParts} threads, fewer for a short file. */
    static Peaks compute(Path file, Mp3Stream mp3, int binMillis, Progress progress, int maxParts) {
        int parts = Math.max(1, Math.min(maxParts, mp3.frameCount() / MIN_PART_FRAMES));
        return decode(file, mp3, binMillis, progress, parts);
    }

    /** Decodes in exactly {@code parts} parts (tests use it to split short files). */
    static Peaks decode(Path file, Mp3Stream mp3, int binMillis, Progress progress, int parts) {
        int frames = mp3.frameCount();
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Part> work = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            work.add(new Part(file, mp3, binMillis, (int) ((long) frames * p / parts), (int) ((long) frames * (p + 1) / parts),
                    progress, done, stop));
        }
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (Part part : work.subList(1, work.size())) {
            Thread thread = new Thread(() -> part.runCatching(failure), "earmark-mp3-peaks");
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        // The calling thread decodes the first part and reports progress for all of them.
        work.get(0).runCatching(failure);
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                report(progress, done, frames);
                if (progress.isCancelled()) {
                    stop.set(true);
                }
                join(thread, stop);
            }
        }
        Throwable error = failure.get();
        if (error instanceof RuntimeException e) {
            throw e;
        }
        if (error instanceof Error e) {
            throw e;
        }
        PeakBins all = work.get(0).bins;
        for (Part part : work.subList(1, work.size())) {
            all.merge(part.bins);
        }
        Peaks peaks = all.peaks(mp3.totalSamples());
        for (int i = 0; i < peaks.bins(); i++) {
            peaks.min()[i] = (short) Math.max(Short.MIN_VALUE, Math.round(peaks.min()[i] * JLAYER_SCALE));
            peaks.max()[i] = (short) Math.min(Short.MAX_VALUE, Math.round(peaks.max()[i] * JLAYER_SCALE));
        }
        return peaks;
    }

    private static void report(Progress progress, AtomicLong done, int frames) {
        progress.update(Math.min(1.0, (double) done.get() / frames), null);
    }

    private static void join(Thread thread, AtomicBoolean stop) {
        try {
            thread.join(100);
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new Progress.CancelledException();
        }
    }

    /** Frames [from, to) of the stream, decoded by one thread into its own bins. */
    private static final class Part {
        final Path file;
        final Mp3Stream mp3;
        final int from;
        final int to;
        final Progress progress;
        final AtomicLong done;
        final AtomicBoolean stop;
        final PeakBins bins;
        /** The part on the calling thread reports progress for all of them. */
        final boolean reporter;

        Part(Path file, Mp3Stream mp3, int binMillis, int from, int to, Progress progress, AtomicLong done,
                AtomicBoolean stop) {
            this.reporter = from == 0;
            this.file = file;
            this.mp3 = mp3;
            this.from = from;
            this.to = to;
            this.progress = progress;
            this.done = done;
            this.stop = stop;
            this.bins = new PeakBins(mp3.sampleRate(), binMillis, mp3.totalSamples(),
                    (long) from * mp3.samplesPerFrame() - mp3.skipSamples());
        }

        void runCatching(AtomicReference<Throwable> failure) {
            try {
                run();
            } catch (RuntimeException | Error e) {
                stop.set(true);
                // A cancellation is what the user asked for; any other failure explains more, so it wins.
                failure.accumulateAndGet(e, (old, now) -> old == null || old instanceof Progress.CancelledException
                        ? now : old);
            }
        }

        private void run() {
            int start = Math.max(0, from - WARM_UP_FRAMES);
            Bitstream bitstream = new Bitstream(new FrameStream(mp3, start, to));
            Decoder decoder = new Decoder();
            Sink sink = new Sink(bins);
            decoder.setOutputBuffer(sink);
            int spf = mp3.samplesPerFrame();
            int bad = 0;
            for (int i = start; i < to; i++) {
                if ((i - start) % CHECK_EVERY == 0) {
                    if (stop.get() || progress.isCancelled()) {
                        stop.set(true);
                        throw new Progress.CancelledException();
                    }
                    if (i > start) {
                        long all = done.addAndGet(CHECK_EVERY);
                        if (reporter) {
                            progress.update(Math.min(1.0, (double) all / mp3.frameCount()), null);
                        }
                    }
                }
                Header header = readFrame(bitstream);
                sink.startFrame((long) i * spf - mp3.skipSamples(), i < from);
                try {
                    if (i == start) {
                        synchronized (FIRST_FRAME_LOCK) {
                            decoder.decodeFrame(header, bitstream);
                        }
                    } else {
                        decoder.decodeFrame(header, bitstream);
                    }
                } catch (DecoderException | RuntimeException e) {
                    // A damaged frame: players skip it too. Its bins stay silent; too many means a broken file.
                    if (++bad > Math.max(10, (to - start) / 20)) {
                        throw damaged("more than " + bad + " frames could not be decoded");
                    }
                }
                bitstream.closeFrame();
            }
        }

        private Header readFrame(Bitstream bitstream) {
            try {
                Header header = bitstream.readFrame();
                if (header == null) {
                    throw damaged("a frame could not be read again");
                }
                return header;
            } catch (BitstreamException e) {
                throw damaged("a frame could not be read: " + e.getMessage());
            }
        }

        private EarmarkException damaged(String why) {
            return EarmarkException.badInput("Cannot draw the waveform of " + file + ": " + why
                    + ". The MP3 file is damaged.");
        }
    }

    /** Receives jlayer's output 32 samples at a time, per channel, and folds it into bins. */
    private static final class Sink extends Obuffer {
        private final PeakBins bins;
        private final int[] written = new int[2];
        private final float[] one = new float[1];
        private long frameStart;
        private boolean discard;

        Sink(PeakBins bins) {
            this.bins = bins;
        }

        void startFrame(long firstSample, boolean warmUp) {
            frameStart = firstSample;
            discard = warmUp;
            written[0] = 0;
            written[1] = 0;
        }

        @Override
        public void appendSamples(int channel, float[] samples) {
            if (!discard) {
                bins.add(frameStart + written[channel], samples, samples.length);
            }
            written[channel] += samples.length;
        }

        @Override
        public void append(int channel, short value) {
            one[0] = value;
            appendSamples(channel, one);
        }

        @Override
        public void write_buffer(int value) {
        }

        @Override
        public void close() {
        }

        @Override
        public void clear_buffer() {
        }

        @Override
        public void set_stop_flag() {
        }
    }

    /** The bytes of frames [from, to) one after another, leaving out anything between frames (junk, tags). */
    private static final class FrameStream extends InputStream {
        private final Mp3Stream mp3;
        private final int to;
        private int frame;
        private int within;

        FrameStream(Mp3Stream mp3, int from, int to) {
            this.mp3 = mp3;
            this.frame = from;
            this.to = to;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (frame >= to) {
                return -1;
            }
            int n = Math.min(length, mp3.lengths()[frame] - within);
            mp3.data().get(mp3.offsets()[frame] + within, buffer, offset, n);
            within += n;
            if (within == mp3.lengths()[frame]) {
                frame++;
                within = 0;
            }
            return n;
        }
    }
}
