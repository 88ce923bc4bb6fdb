package org.earmark.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zip container and the block-parallel deflate under it, read back by java.util.zip. */
class ZipWriterTest {

    @TempDir
    Path dir;

    /** Markup-like data that compresses, with random stretches that do not. */
    private static byte[] data(int size, long seed) {
        Random random = new Random(seed);
        byte[] b = new byte[size];
        byte[] row = "<row r=\"12\"><c r=\"A12\" t=\"inlineStr\"><is><t>R-0001</t></is></c></row>"
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            b[i] = random.nextInt(50) == 0 ? (byte) random.nextInt(256) : row[i % row.length];
        }
        return b;
    }

    @Test
    void everyEntryReadsBackWhateverTheBlocksAndThreads() throws Exception {
        int block = ParallelDeflater.BLOCK;
        Map<String, byte[]> entries = new LinkedHashMap<>();
        int[] sizes = {0, 1, block - 1, block, block + 1, 5 * block + 7};
        for (int i = 0; i < sizes.length; i++) {
            entries.put("part" + i + "/ü-" + sizes[i] + ".xml", data(sizes[i], i));
        }
        for (int threads : new int[] {1, 3}) {
            Path file = dir.resolve("t" + threads + ".zip");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try (var out = Files.newOutputStream(file)) {
                ZipWriter zip = new ZipWriter(out, pool, 1, 2 * threads);
                for (var e : entries.entrySet()) {
                    zip.entry(e.getKey(), o -> {
                        // Written in odd pieces, and closed, as a content may do.
                        byte[] b = e.getValue();
                        for (int off = 0; off < b.length; off += 100_003) {
                            o.write(b, off, Math.min(100_003, b.length - off));
                        }
                        o.close();
                    });
                }
                zip.finish();
            } finally {
                pool.shutdown();
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                assertEquals(entries.size(), zip.size());
                for (var e : entries.entrySet()) {
                    ZipEntry entry = zip.getEntry(e.getKey());
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    assertEquals(crc.getValue(), entry.getCrc(), e.getKey());
                    assertEquals(ZipEntry.DEFLATED, entry.getMethod());
                    try (InputStream in = zip.getInputStream(entry)) {
                        assertArrayEquals(e.getValue(), in.readAllBytes(), e.getKey() + " with " + threads);
                    }
                }
            }
        }
    }

    @Test
    void blocksJoinIntoOneDeflateStream() throws Exception {
        byte[] data = data(3 * ParallelDeflater.BLOCK + 12_345, 7);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ParallelDeflater.Result result;
        try {
            ParallelDeflater deflater = new ParallelDeflater(compressed, pool, 1, 1);
            deflater.write(data, 0, data.length);
            result = deflater.finish();
        } finally {
            pool.shutdown();
        }
        assertEquals(data.length, result.size());
        assertEquals(compressed.size(), result.compressedSize());
        assertTrue(result.compressedSize() < data.length / 3, "primed blocks still compress: " + result);
        Inflater inflater = new Inflater(true);
        inflater.setInput(compressed.toByteArray());
        byte[] back = new byte[data.length + 1];
        int n = inflater.inflate(back);
        assertTrue(inflater.finished(), "the stream ends with a final block");
        assertEquals(data.length, n);
        assertArrayEquals(data, java.util.Arrays.copyOf(back, n));
        inflater.end();
    }

    @Test
    void aFailingEntryStopsTheArchive() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            ZipWriter zip = new ZipWriter(new ByteArrayOutputStream(), pool, 1, 2);
            IOException e = assertThrows(IOException.class, () -> zip.entry("x.xml", o -> {
                o.write(data(2 * ParallelDeflater.BLOCK, 1));
                throw new IOException("disk full");
            }));
            assertEquals("disk full", e.getMessage());
        } finally {
            pool.shutdown();
        }
    }
}
