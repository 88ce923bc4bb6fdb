package org.earmark.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an MP4/M4A file's atom ("box") tree says about its audio, and which byte ranges hold metadata. Only the
 * {@code moov} atom is read; the media data is never touched.
 *
 * @param blank   atoms that hold metadata (udta, meta, ilst, uuid): each becomes a {@code free} atom of the same
 *                size with a zeroed body, so no chunk offset in stco/co64 moves
 * @param zero    byte ranges to overwrite with zeros in place: creation and modification times (the recording
 *                date) and handler names (free text that ffmpeg lets anyone set)
 */
record Mp4Layout(long durationMs, int sampleRate, int channels, String codec, List<Atom> blank, List<long[]> zero) {

    /** An atom's position: {@code offset} of its size field, {@code headerSize} 8 or 16, {@code size} in total. */
    record Atom(String type, long offset, int headerSize, long size) {
        long body() {
            return offset + headerSize;
        }

        long end() {
            return offset + size;
        }
    }

    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "edts");
    private static final Set<String> METADATA = Set.of("udta", "meta", "ilst", "uuid", "XMP_");

    static boolean looksLikeMp4(byte[] head) {
        return head.length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
    }

    static Mp4Layout read(FileBytes file) {
        Walk walk = new Walk(file);
        Atom moov = null;
        for (Atom atom : walk.children(0, file.size(), true)) {
            if (atom.type().equals("moov")) {
                moov = atom;
            } else if (METADATA.contains(atom.type())) {
                walk.blank.add(atom);
            }
        }
        if (moov == null) {
            throw AudioErrors.truncated(file.path(), "it has no 'moov' atom; a recording that was not finished writing"
                    + " looks like this");
        }
        walk.descend(moov);
        if (walk.codec == null) {
            throw AudioErrors.damaged(file.path(), AudioFormat.M4A, "it contains no audio track");
        }
        if (!walk.codec.equals("mp4a")) {
            throw AudioErrors.unsupported(file.path(), "an MP4 file with '" + walk.codec.strip() + "' audio");
        }
        long durationMs = walk.movieTimescale > 0 && walk.movieDuration > 0
                ? walk.movieDuration * 1000 / walk.movieTimescale
                : walk.mediaTimescale > 0 ? walk.mediaDuration * 1000 / walk.mediaTimescale : 0;
        int rate = walk.sampleRate > 0 ? walk.sampleRate : (int) walk.mediaTimescale;
        if (rate <= 0 || walk.channels <= 0) {
            throw AudioErrors.damaged(file.path(), AudioFormat.M4A, "its audio track has no sample rate or channels");
        }
        return new Mp4Layout(durationMs, rate, walk.channels, walk.codec, List.copyOf(walk.blank),
                List.copyOf(walk.zero));
    }

    /** One pass over the atom tree, collecting the audio track's facts and the metadata to remove. */
    private static final class Walk {
        final FileBytes file;
        final List<Atom> blank = new ArrayList<>();
        final List<long[]> zero = new ArrayList<>();
        long movieTimescale;
        long movieDuration;
        long mediaTimescale;
        long mediaDuration;
        int sampleRate;
        int channels;
        String codec;
        private boolean soundTrack;
        private long trackTimescale;
        private long trackDuration;

        Walk(FileBytes file) {
            this.file = file;
        }

        List<Atom> children(long from, long to, boolean topLevel) {
            List<Atom> atoms = new ArrayList<>();
            long position = from;
            while (position + 8 <= to) {
                ByteBuffer header = file.read(position, 16, ByteOrder.BIG_ENDIAN);
                long size = Integer.toUnsignedLong(header.getInt(0));
                String type = WavLayout.fourCc(header, 4);
                int headerSize = 8;
                if (size == 1) {
                    if (header.remaining() < 16) {
                        throw AudioErrors.truncated(file.path(), "the '" + type + "' atom's header is cut off");
                    }
                    size = header.getLong(8);
                    headerSize = 16;
                } else if (size == 0 && topLevel) {
                    size = to - position; // "to the end of the file", allowed for the last top-level atom
                }
                if (size < headerSize) {
                    throw AudioErrors.damaged(file.path(), AudioFormat.M4A, "the '" + type + "' atom at byte " + position
                            + " has an impossible size " + size);
                }
                if (position + size > to) {
                    if (topLevel) {
                        throw AudioErrors.truncated(file.path(), "the '" + type + "' atom runs past the end of the file");
                    }
                    throw AudioErrors.damaged(file.path(), AudioFormat.M4A, "the '" + type + "' atom overruns its parent");
                }
                atoms.add(new Atom(type, position, headerSize, size));
                position += size;
            }
            return atoms;
        }

        void descend(Atom parent) {
            for (Atom atom : children(parent.body(), parent.end(), false)) {
                String type = atom.type();
                if (METADATA.contains(type)) {
                    blank.add(atom);
                } else if (type.equals("trak")) {
                    soundTrack = false;
                    trackTimescale = 0;
                    trackDuration = 0;
                    descend(atom);
                    if (soundTrack && mediaTimescale == 0) {
                        mediaTimescale = trackTimescale;
                        mediaDuration = trackDuration;
                    }
                } else if (CONTAINERS.contains(type)) {
                    descend(atom);
                } else {
                    leaf(atom);
                }
            }
        }

        private void leaf(Atom atom) {
            switch (atom.type()) {
                case "mvhd" -> {
                    long[] scaleAndDuration = header(atom);
                    movieTimescale = scaleAndDuration[0];
                    movieDuration = scaleAndDuration[1];
                }
                case "mdhd" -> {
                    long[] scaleAndDuration = header(atom);
                    trackTimescale = scaleAndDuration[0];
                    trackDuration = scaleAndDuration[1];
                }
                case "tkhd" -> zeroTimes(atom);
                case "hdlr" -> handler(atom);
                case "stsd" -> sampleDescription(atom);
                default -> {
                    // sample tables, media data and the like carry no metadata
                }
            }
        }

        /** mvhd and mdhd: creation and modification time (zeroed), then timescale and duration. */
        private long[] header(Atom atom) {
            ByteBuffer body = file.read(atom.body(), 32, ByteOrder.BIG_ENDIAN);
            if (body.remaining() < 20) {
                throw AudioErrors.damaged(file.path(), AudioFormat.M4A, "its '" + atom.type() + "' atom is too short");
            }
            zeroTimes(atom);
            if (body.get(0) == 1) {
                return new long[] {Integer.toUnsignedLong(body.getInt(20)), body.remaining() >= 32 ? body.getLong(24) : 0};
            }
            return new long[] {Integer.toUnsignedLong(body.getInt(12)), Integer.toUnsignedLong(body.getInt(16))};
        }

        private void zeroTimes(Atom atom) {
            int version = file.read(atom.body(), 1, ByteOrder.BIG_ENDIAN).get(0);
            int length = version == 1 ? 16 : 8;
            if (atom.body() + 4 + length <= atom.end()) {
                zero.add(new long[] {atom.body() + 4, length});
            }
        }

        private void handler(Atom atom) {
            ByteBuffer body = file.read(atom.body(), 12, ByteOrder.BIG_ENDIAN);
            if (body.remaining() == 12 && WavLayout.fourCc(body, 8).equals("soun")) {
                soundTrack = true;
            }
            long name = atom.body() + 24;
            if (name < atom.end()) {
                zero.add(new long[] {name, atom.end() - name});
            }
        }

        private void sampleDescription(Atom atom) {
            if (!soundTrack || codec != null) {
                return;
            }
            ByteBuffer entry = file.read(atom.body() + 8, 36, ByteOrder.BIG_ENDIAN);
            if (entry.remaining() < 36) {
                throw AudioErrors.damaged(file.path(), AudioFormat.M4A, "its sample description is too short");
            }
            codec = WavLayout.fourCc(entry, 4);
            channels = Short.toUnsignedInt(entry.getShort(24));
            sampleRate = (int) (Integer.toUnsignedLong(entry.getInt(32)) >>> 16);
            // ISO sample entries must say 2 channels whatever the truth; the AAC decoder config knows.
            long entryStart = atom.body() + 8;
            long entryEnd = entryStart + Integer.toUnsignedLong(entry.getInt(0));
            int version = Short.toUnsignedInt(entry.getShort(16));
            long children = entryStart + 36 + (version == 1 ? 16 : version == 2 ? 36 : 0);
            int configured = aacChannels(children, Math.min(entryEnd, atom.end()), 0);
            if (configured > 0) {
                channels = configured;
            }
        }

        /** The channel configuration in the AudioSpecificConfig inside esds (also inside QuickTime's 'wave'). */
        private int aacChannels(long from, long to, int depth) {
            if (depth > 2 || from >= to) {
                return 0;
            }
            List<Atom> atoms;
            try {
                atoms = children(from, to, false);
            } catch (RuntimeException e) {
                return 0; // an odd sample entry: keep its own channel count
            }
            for (Atom child : atoms) {
                if (child.type().equals("wave")) {
                    return aacChannels(child.body(), child.end(), depth + 1);
                }
                if (child.type().equals("esds") && child.size() < 4096) {
                    ByteBuffer esds = file.read(child.body() + 4, (int) child.size() - child.headerSize() - 4,
                            ByteOrder.BIG_ENDIAN);
                    return EsdsConfig.channels(esds);
                }
            }
            return 0;
        }
    }
}
