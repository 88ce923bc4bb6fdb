package org.earmark.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.earmark.core.EarmarkException;

/**
 * The stored form of {@link Peaks}: a small versioned header and the deflated samples, with a
 * CRC so that a damaged copy is recomputed rather than drawn wrongly.
 */
public final class PeaksCodec {

    private static final int MAGIC = 0x45504B31; // "EPK1"
    private static final int VERSION = 1;

    private PeaksCodec() {
    }

    public static byte[] encode(Peaks peaks) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream(peaks.bins() * 4 + 32);
            try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(raw))) {
                for (int i = 0; i < peaks.bins(); i++) {
                    out.writeShort(peaks.min()[i]);
                    out.writeShort(peaks.max()[i]);
                }
            }
            byte[] body = raw.toByteArray();
            ByteArrayOutputStream whole = new ByteArrayOutputStream(body.length + 32);
            try (DataOutputStream out = new DataOutputStream(whole)) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(peaks.binMillis());
                out.writeLong(peaks.durationMs());
                out.writeInt(peaks.bins());
                out.writeLong(crc(body));
                out.write(body);
            }
            return whole.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    /** Reads stored peaks; a damaged or unknown blob is a {@link EarmarkException} (recompute, do not draw it). */
    public static Peaks decode(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw damaged("unknown format");
            }
            int binMillis = in.readInt();
            long durationMs = in.readLong();
            int bins = in.readInt();
            long crc = in.readLong();
            byte[] body = in.readAllBytes();
            if (bins < 0 || crc(body) != crc) {
                throw damaged("checksum mismatch");
            }
            short[] min = new short[bins];
            short[] max = new short[bins];
            try (DataInputStream samples = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(body)))) {
                for (int i = 0; i < bins; i++) {
                    min[i] = samples.readShort();
                    max[i] = samples.readShort();
                }
            }
            return new Peaks(binMillis, durationMs, min, max);
        } catch (IOException | IllegalArgumentException e) {
            throw damaged(e.getMessage());
        }
    }

    private static long crc(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return crc.getValue();
    }

    private static EarmarkException damaged(String why) {
        return new EarmarkException(EarmarkException.Kind.UNUSABLE_FILE, "Stored waveform peaks are damaged (" + why
                + "); they will be computed again from the audio.");
    }
}
