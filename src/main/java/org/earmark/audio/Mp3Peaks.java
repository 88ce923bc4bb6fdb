package org.earmark.audio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.earmark.core.EarmarkException;
import org.earmark.core.Progress;

/**
 * MP3 peaks through our own Layer III decoder ({@link Mp3Decoder}) on every core. The frame list is cut into chunks
 * that the threads take in turn, so a thread slowed by other work on the machine simply takes fewer. Each chunk's
 * decoder starts a few frames early, so that its bit reservoir, overlap-add and synthesis filter hold what they would
 * have held; the output of those frames is thrown away. The result is identical to one decoder going through the whole file (a test checks that
 * with chunks down to a single frame).
 *
 * <p>Sample 0 of the waveform is decoded sample {@link Mp3Stream#skipSamples()}: the LAME tag's encoder delay (or
 * LAME's usual 576 without one) plus the decoder's 529 (the tests line our output up with ffmpeg's), so that the
 * waveform lines up with what a gapless player plays. The info frame, a silent frame carrying that tag, is not
 * decoded at all.
 */
final class Mp3Peaks {

    /**
     * Correctly decoded frames a chunk needs in front of it: the hybrid filter bank's overlap-add carries one granule
     * into the next, and the synthesis filter looks 512 samples back, so frame k is exact once k-2 decoded in full.
     */
    static final int WARM_UP_FRAMES = 2;
    /** About 26 s of audio at 44.1 kHz: warm-up costs under 1%, and the last chunk leaves little to wait for. */
    static final int CHUNK_FRAMES = 1000;
    /**
     * Frames the calling thread decodes alone before the other threads join. Until the JIT has compiled the decoder,
     * it runs interpreted many times slower; one thread doing that while the compiler has the other core is cheaper
     * than two threads crawling and the compiler squeezed between them.
     */
    static final int STAGGER_FRAMES = 300;
    /** Frames between cancellation checks and progress reports; about half a second of audio. */
    private static final int CHECK_EVERY = 20;

    private Mp3Peaks() {
    }

    static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    static Peaks compute(Path file, Mp3Stream mp3, int binMillis, Progress progress, int threads) {
        return decode(file, mp3, binMillis, progress, threads, CHUNK_FRAMES, STAGGER_FRAMES);
    }

    /** Tests choose tiny chunks to put many chunk borders into a short file. */
    static Peaks decode(Path file, Mp3Stream mp3, int binMillis, Progress progress, int threads, int chunkFrames,
            int staggerFrames) {
        return new Job(file, mp3, binMillis, progress, threads, chunkFrames, staggerFrames).run();
    }

    /** One computation: the chunks, the threads that take them, and what they found. */
    private static final class Job {
        final Path file;
        final Mp3Stream mp3;
        final int binMillis;
        final Progress progress;
        final int threads;
        final int chunkFrames;
        final int staggerFrames;
        final int chunks;
        final AtomicInteger nextChunk = new AtomicInteger();
        final AtomicLong done = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final List<Worker> workers = new ArrayList<>();
        final List<Thread> helpers = new ArrayList<>();
        /** Opened when the calling thread has decoded the stagger frames (or has finished): helpers wait for it. */
        final CountDownLatch go = new CountDownLatch(1);

        Job(Path file, Mp3Stream mp3, int binMillis, Progress progress, int threads, int chunkFrames,
                int staggerFrames) {
            this.file = file;
            this.mp3 = mp3;
            this.binMillis = binMillis;
            this.progress = progress;
            this.threads = Math.max(1, threads);
            this.chunkFrames = Math.max(1, chunkFrames);
            this.staggerFrames = staggerFrames;
            this.chunks = (int) (((long) mp3.frameCount() + this.chunkFrames - 1) / this.chunkFrames);
        }

        Peaks run() {
            Worker main = new Worker(this, true);
            workers.add(main);
            try {
                startHelpers();
            } catch (RuntimeException | Error e) {
                // No more threads to be had: the ones already started must not wait for a go that never comes.
                stop.set(true);
                go.countDown();
                throw e;
            }
            if (staggerFrames <= 0) {
                go.countDown();
            }
            main.runCatching();
            go.countDown(); // helpers still waiting find no chunk left and end
            for (Thread helper : helpers) {
                while (helper.isAlive()) {
                    progress.update(Math.min(1.0, (double) done.get() / mp3.frameCount()), null);
                    if (progress.isCancelled()) {
                        stop.set(true);
                    }
                    join(helper);
                }
            }
            Throwable error = failure.get();
            if (error instanceof RuntimeException e) {
                throw e;
            }
            if (error instanceof Error e) {
                throw e;
            }
            PeakBins all = main.bins;
            for (Worker worker : workers.subList(1, workers.size())) {
                all.merge(worker.bins);
            }
            return all.peaks(mp3.totalSamples());
        }

        /**
         * Starts the helper threads, which wait for {@link #go}. They are started here rather than by the calling
         * thread's worker when it reaches the stagger: code that starts threads in the decode loop would be compiled
         * into that loop, a large compilation for code that runs once.
         */
        private void startHelpers() {
            for (int t = 1; t < threads && t < chunks; t++) {
                Worker worker = new Worker(this, false);
                workers.add(worker);
                Thread thread = new Thread(worker::runCatching, "earmark-mp3-peaks-" + t);
                thread.setDaemon(true);
                thread.start();
                helpers.add(thread);
            }
        }

        void fail(Throwable e) {
            stop.set(true);
            // A cancellation is what the user asked for; any other failure explains more, so it wins.
            failure.accumulateAndGet(e, (old, now) -> old == null || old instanceof Progress.CancelledException
                    ? now : old);
        }

        private void join(Thread thread) {
            try {
                thread.join(100);
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
                throw new Progress.CancelledException();
            }
        }

        EarmarkException damaged(String why) {
            return EarmarkException.badInput("Cannot draw the waveform of " + file + ": " + why
                    + ". The MP3 file is damaged.");
        }
    }

    /** One thread's share: takes chunks until none are left, into bins of its own. */
    private static final class Worker {
        final Job job;
        final Mp3Stream mp3;
        /** The calling thread's worker reports progress and lets the helpers go after the stagger. */
        final boolean main;
        final PeakBins bins;
        final Mp3Decoder decoder = new Mp3Decoder();
        final float[] pcm = new float[Mp3Decoder.MAX_SAMPLES];
        private int decoded;

        Worker(Job job, boolean main) {
            this.job = job;
            this.mp3 = job.mp3;
            this.main = main;
            this.bins = new PeakBins(mp3.sampleRate(), job.binMillis, mp3.totalSamples(), 0);
        }

        void runCatching() {
            try {
                if (!main) {
                    job.go.await();
                }
                for (int c; (c = job.nextChunk.getAndIncrement()) < job.chunks; ) {
                    long from = (long) c * job.chunkFrames;
                    decode((int) from, (int) Math.min(mp3.frameCount(), from + job.chunkFrames));
                }
            } catch (RuntimeException | Error e) {
                job.fail(e);
            } catch (InterruptedException e) {
                job.fail(new Progress.CancelledException());
            }
        }

        /**
         * Where a decoder must start so that frame {@code from} decodes as in one pass: frame {@code from - 2} must
         * find all its main data in the bit reservoir, so the frames before it must supply the most a frame can
         * reach back (511 bytes in MPEG-1, 255 in MPEG-2; a VBR encoder fills it with many small frames in a pause).
         */
        private int warmUpStart(int from) {
            int reservoir = mp3.samplesPerFrame() == 1152 ? 511 : 255;
            int bytes = 0;
            int i = from - WARM_UP_FRAMES;
            while (i > 0 && bytes < reservoir) {
                i--;
                int header = mp3.data().getInt(mp3.offsets()[i]);
                bytes += mp3.lengths()[i] - 4 - (Mp3Header.hasCrc(header) ? 2 : 0) - Mp3Header.sideInfoSize(header);
            }
            return Math.max(0, i);
        }

        private void decode(int from, int to) {
            int start = warmUpStart(from);
            decoder.reset();
            int spf = mp3.samplesPerFrame();
            int bad = 0;
            for (int i = start; i < to; i++) {
                if ((i - start) % CHECK_EVERY == 0) {
                    checkpoint(i > start ? CHECK_EVERY : 0);
                }
                int samples;
                try {
                    samples = decoder.decode(mp3.data(), mp3.offsets()[i], mp3.lengths()[i], pcm);
                } catch (RuntimeException e) {
                    // A damaged frame: players skip it too. Its bins stay silent; too many means a broken file.
                    decoder.reset();
                    if (++bad > Math.max(10, (to - start) / 20)) {
                        throw job.damaged("more than " + bad + " frames could not be decoded");
                    }
                    continue;
                }
                if (i >= from && samples > 0) {
                    bins.add((long) i * spf - mp3.skipSamples(), pcm, samples, decoder.channels());
                }
            }
            job.done.addAndGet((to - start) % CHECK_EVERY);
        }

        private void checkpoint(int frames) {
            if (job.stop.get() || job.progress.isCancelled()) {
                job.stop.set(true);
                throw new Progress.CancelledException();
            }
            long all = job.done.addAndGet(frames);
            decoded += frames;
            if (main) {
                job.progress.update(Math.min(1.0, (double) all / mp3.frameCount()), null);
                if (decoded >= job.staggerFrames) {
                    job.go.countDown();
                }
            }
        }
    }
}
