package org.earmark.robustness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/** Seeded ways of damaging a file's bytes: cut short, bits flipped, bursts of noise, pages zeroed. */
record Damage(String name, UnaryOperator<byte[]> apply) {

    @Override
    public String toString() {
        return name;
    }

    /** Header fields of a SQLite file worth hitting on purpose (page size, versions, counts, ids). */
    private static final int[] HEADER_OFFSETS = {0, 15, 16, 17, 18, 19, 20, 21, 24, 28, 31, 32, 36, 40, 44, 48, 52,
            56, 60, 63, 64, 68, 71, 92, 96, 99};

    static List<Damage> of(int length, int pageSize, long seed, int cuts, int flips, int bursts) {
        Random random = new Random(seed);
        List<Damage> out = new ArrayList<>();
        for (int at : new int[] {0, 1, 15, 16, 50, 99, 100, 101, 511, pageSize - 1, pageSize, pageSize + 1,
                length - pageSize, length - 1}) {
            out.add(cut(at));
        }
        for (int i = 0; i < cuts; i++) {
            out.add(cut(1 + random.nextInt(length - 1)));
        }
        for (int at : HEADER_OFFSETS) {
            out.add(flip(at, 1 << random.nextInt(8)));
        }
        for (int i = 0; i < flips; i++) {
            out.add(flip(random.nextInt(length), 1 << random.nextInt(8)));
        }
        for (int i = 0; i < bursts; i++) {
            out.add(burst(random.nextInt(length), 1 + random.nextInt(256), random.nextLong()));
        }
        for (int page = 0; page < length / pageSize; page++) {
            out.add(zeroPage(page, pageSize));
        }
        return out;
    }

    static Damage cut(int at) {
        return new Damage("cut at " + at, b -> Arrays.copyOf(b, Math.min(at, b.length)));
    }

    static Damage flip(int at, int mask) {
        return new Damage("bit " + Integer.numberOfTrailingZeros(mask) + " of byte " + at + " flipped", b -> {
            byte[] c = b.clone();
            c[at] ^= (byte) mask;
            return c;
        });
    }

    static Damage burst(int at, int length, long seed) {
        return new Damage(length + " random bytes at " + at, b -> {
            byte[] c = b.clone();
            byte[] noise = new byte[length];
            new Random(seed).nextBytes(noise);
            System.arraycopy(noise, 0, c, at, Math.min(length, c.length - at));
            return c;
        });
    }

    static Damage zeroPage(int page, int pageSize) {
        return new Damage("page " + (page + 1) + " zeroed", b -> {
            byte[] c = b.clone();
            Arrays.fill(c, page * pageSize, Math.min(c.length, (page + 1) * pageSize), (byte) 0);
            return c;
        });
    }
}
