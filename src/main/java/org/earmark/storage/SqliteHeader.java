package org.earmark.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The first 100 bytes of a SQLite file, read without opening it with SQLite, so a file that is not
 * ours, too new or truncated is recognised before anything could write to it.
 * Layout: https://www.sqlite.org/fileformat.html#the_database_header
 */
record SqliteHeader(int pageSize, long pageCount, boolean pageCountValid, int userVersion, int applicationId,
        long fileLength) {

    static final int LENGTH = 100;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** What the first bytes say about a file that is not a SQLite database at all. */
    sealed interface Verdict {
        record Sqlite(SqliteHeader header) implements Verdict {
        }

        record NotSqlite(String looksLike) implements Verdict {
        }

        record TooShort(long length) implements Verdict {
        }
    }

    static Verdict read(Path file) throws IOException {
        long length = Files.size(file);
        byte[] head = new byte[LENGTH];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, LENGTH);
        }
        if (n >= MAGIC.length && !Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return new Verdict.NotSqlite(FileSniffer.describe(Arrays.copyOf(head, n)));
        }
        if (n < LENGTH) {
            return n < MAGIC.length ? new Verdict.NotSqlite(FileSniffer.describe(Arrays.copyOf(head, n)))
                    : new Verdict.TooShort(length);
        }
        ByteBuffer b = ByteBuffer.wrap(head);
        int rawPageSize = Short.toUnsignedInt(b.getShort(16));
        int pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
        long changeCounter = Integer.toUnsignedLong(b.getInt(24));
        long pageCount = Integer.toUnsignedLong(b.getInt(28));
        long versionValidFor = Integer.toUnsignedLong(b.getInt(92));
        boolean valid = pageCount > 0 && changeCounter == versionValidFor;
        return new Verdict.Sqlite(new SqliteHeader(pageSize, pageCount, valid, b.getInt(60), b.getInt(68), length));
    }

    /** True when the file is shorter than its own header says it must be. */
    boolean truncated() {
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            return true;
        }
        if (fileLength % pageSize != 0) {
            return true;
        }
        return pageCountValid && fileLength < pageCount * pageSize;
    }
}
