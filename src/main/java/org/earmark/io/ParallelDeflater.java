package org.earmark.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Deflates one zip entry on several threads, as pigz does. The data is cut into blocks; each is
 * compressed on its own, primed with the 32 KiB before it (so matches across a block border are
 * still found) and ended with a sync flush, which ends on a byte boundary with a non-final empty
 * block. Written in order and followed by a final empty block, the blocks are one deflate stream
 * that any inflater reads. Deflate is most of the cost of a large sheet; one thread cannot keep
 * up with the code writing the XML.
 */
final class ParallelDeflater extends OutputStream {

    /** Half a MiB: large enough to compress well on its own, under G1's humongous size for any heap. */
    static final int BLOCK = 512 * 1024;
    private static final int WINDOW = 32 * 1024;
    /** A final, empty deflate block, as zlib writes it. */
    private static final byte[] END = finalEmptyBlock();

    /** What the zip entry's headers need to know. */
    record Result(long crc, long size, long compressedSize) {
    }

    private final OutputStream out;
    private final ExecutorService pool;
    private final int level;
    private final int maxInFlight;
    private final ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
    private final CRC32 crc = new CRC32();
    private byte[] block = new byte[BLOCK];
    private byte[] previous;
    private int filled;
    private long size;
    private long compressedSize;

    /**
     * @param maxInFlight blocks handed to the pool and not yet written; bounds the memory to about
     *                    that many blocks
     */
    ParallelDeflater(OutputStream out, ExecutorService pool, int level, int maxInFlight) {
        this.out = out;
        this.pool = pool;
        this.level = level;
        this.maxInFlight = maxInFlight;
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == BLOCK) {
            submit();
        }
        block[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == BLOCK) {
                submit();
            }
            int n = Math.min(len, BLOCK - filled);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /** Compresses what is left, writes every block in order and ends the stream. Not {@code close}: the zip goes on. */
    Result finish() throws IOException {
        if (filled > 0) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            writeOldest();
        }
        out.write(END);
        compressedSize += END.length;
        return new Result(crc.getValue(), size, compressedSize);
    }

    /** Stops the blocks still being compressed, after a failure. */
    void abandon() {
        inFlight.forEach(f -> f.cancel(true));
        inFlight.clear();
    }

    private void submit() throws IOException {
        byte[] data = block;
        int length = filled;
        byte[] dictionary = previous;
        crc.update(data, 0, length);
        size += length;
        inFlight.add(pool.submit(() -> deflate(data, length, dictionary, level)));
        // The block is now only read (by its task, and as the next block's dictionary): never reuse it.
        previous = data;
        block = new byte[BLOCK];
        filled = 0;
        while (inFlight.size() > maxInFlight) {
            writeOldest();
        }
    }

    private void writeOldest() throws IOException {
        try {
            byte[] compressed = inFlight.poll().get();
            out.write(compressed);
            compressedSize += compressed.length;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (ExecutionException e) {
            throw new IOException("compressing failed: " + e.getCause(), e.getCause());
        }
    }

    /** One block as raw deflate data ending in a sync flush; {@code dictionary} is the whole block before it. */
    static byte[] deflate(byte[] data, int length, byte[] dictionary, int level) {
        Deflater deflater = new Deflater(level, true);
        try {
            if (dictionary != null) {
                deflater.setDictionary(dictionary, dictionary.length - WINDOW, WINDOW);
            }
            deflater.setInput(data, 0, length);
            byte[] compressed = new byte[length / 2 + 64];
            int n = 0;
            while (true) {
                n += deflater.deflate(compressed, n, compressed.length - n, Deflater.SYNC_FLUSH);
                // With a sync flush, filling the space given means there may be more to come.
                if (n < compressed.length) {
                    return Arrays.copyOf(compressed, n);
                }
                compressed = Arrays.copyOf(compressed, compressed.length * 2);
            }
        } finally {
            deflater.end();
        }
    }

    private static byte[] finalEmptyBlock() {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.finish();
            byte[] end = new byte[16];
            int n = deflater.deflate(end);
            return Arrays.copyOf(end, n);
        } finally {
            deflater.end();
        }
    }
}
