package org.earmark.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Read-only positional access to a file, for parsing container headers without loading the audio. */
final class FileBytes implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final long size;

    private FileBytes(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /** Opens for reading only: nothing in the audio package ever writes to an input file. */
    static FileBytes open(Path path) {
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            return new FileBytes(path, channel, channel.size());
        } catch (IOException e) {
            throw AudioErrors.readFailed(path, e);
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    FileChannel channel() {
        return channel;
    }

    /** Up to {@code length} bytes at {@code position} (fewer at the end of the file), in the given byte order. */
    ByteBuffer read(long position, int length, ByteOrder order) {
        int n = (int) Math.max(0, Math.min(length, size - position));
        ByteBuffer buffer = ByteBuffer.allocate(n).order(order);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw AudioErrors.readFailed(path, e);
        }
        return buffer.flip();
    }

    byte[] readBytes(long position, int length) {
        ByteBuffer buffer = read(position, length, ByteOrder.BIG_ENDIAN);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a read-only channel loses nothing; the next open reports any real problem.
        }
    }
}
