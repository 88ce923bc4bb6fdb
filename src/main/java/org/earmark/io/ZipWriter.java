package org.earmark.io;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * A zip archive of deflated entries written as a stream, each entry compressed by a
 * {@link ParallelDeflater} (java.util.zip can only deflate on the writing thread). Entries carry
 * a data descriptor, since their sizes are known only at their end, as java.util.zip writes them
 * too. No ZIP64: an entry or archive of 4 GiB or more is refused (an XLSX sheet of a million rows
 * is far smaller).
 */
final class ZipWriter {

    /** What an entry's content writes, uncompressed. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Entry(byte[] name, long offset, ParallelDeflater.Result result) {
    }

    private static final long MAX = 0xFFFF_FFFFL;
    /** Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8. */
    private static final int FLAGS = 0x0808;
    private static final int DEFLATED = 8;
    private static final int VERSION = 20;
    /** 1980-01-01 00:00, the earliest DOS date: the same bytes for the same tables. */
    private static final int DOS_DATE = (1 << 5) | 1;

    private final Counting out;
    private final ExecutorService pool;
    private final int level;
    private final int maxInFlight;
    private final List<Entry> entries = new ArrayList<>();

    ZipWriter(OutputStream out, ExecutorService pool, int level, int maxInFlight) {
        this.out = new Counting(out);
        this.pool = pool;
        this.level = level;
        this.maxInFlight = maxInFlight;
    }

    void entry(String name, Content content) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        long offset = out.count;
        Header local = new Header();
        local.int32(0x04034b50).int16(VERSION).int16(FLAGS).int16(DEFLATED).int16(0).int16(DOS_DATE)
                .int32(0).int32(0).int32(0).int16(nameBytes.length).int16(0).bytes(nameBytes);
        local.writeTo(out);
        ParallelDeflater deflater = new ParallelDeflater(out, pool, level, maxInFlight);
        ParallelDeflater.Result result;
        try {
            content.writeTo(new FilterOutputStream(deflater) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    deflater.write(b, off, len);
                }

                @Override
                public void close() {
                    // The entry ends in finish(), below; a content closing its stream must not end it.
                }
            });
            result = deflater.finish();
        } finally {
            deflater.abandon();
        }
        if (result.size() > MAX || result.compressedSize() > MAX || offset > MAX) {
            throw new IOException(name + " is " + result.size() + " bytes, too large for a zip without ZIP64");
        }
        new Header().int32(0x08074b50).int32(result.crc()).int32(result.compressedSize()).int32(result.size())
                .writeTo(out);
        entries.add(new Entry(nameBytes, offset, result));
    }

    /** Writes the central directory; the archive is complete. */
    void finish() throws IOException {
        long start = out.count;
        for (Entry e : entries) {
            ParallelDeflater.Result r = e.result();
            new Header().int32(0x02014b50).int16(VERSION).int16(VERSION).int16(FLAGS).int16(DEFLATED).int16(0)
                    .int16(DOS_DATE).int32(r.crc()).int32(r.compressedSize()).int32(r.size()).int16(e.name().length)
                    .int16(0).int16(0).int16(0).int16(0).int32(0).int32(e.offset()).bytes(e.name()).writeTo(out);
        }
        long size = out.count - start;
        if (out.count > MAX || entries.size() > 0xFFFF) {
            throw new IOException("the archive is too large for a zip without ZIP64 (" + out.count + " bytes)");
        }
        new Header().int32(0x06054b50).int16(0).int16(0).int16(entries.size()).int16(entries.size()).int32(size)
                .int32(start).int16(0).writeTo(out);
        out.flush();
    }

    /** Little-endian header fields. */
    private static final class Header extends ByteArrayOutputStream {
        Header int16(int v) {
            write(v);
            write(v >>> 8);
            return this;
        }

        Header int32(long v) {
            int16((int) v);
            return int16((int) (v >>> 16));
        }

        Header bytes(byte[] b) {
            write(b, 0, b.length);
            return this;
        }
    }

    /** Counts the bytes written, for the offsets the central directory records. */
    private static final class Counting extends FilterOutputStream {
        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
