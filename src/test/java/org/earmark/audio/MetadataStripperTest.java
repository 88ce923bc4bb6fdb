package org.earmark.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.earmark.core.EarmarkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anonymised copies must hold none of the identifying strings, in any text encoding the tag formats use. */
class MetadataStripperTest {

    private static final String TEAM = "Team Blue Hollow";
    private static final String SUPERVISOR = "Supervisor Janet Smithers";
    private static final String DATE = "2024-03-05";
    private static final List<String> SECRETS = List.of(TEAM, SUPERVISOR, "Hollow", "Smithers", DATE);

    @TempDir
    Path dir;

    @Test
    void mp3TagsOfEveryKindGo() throws IOException {
        Path wav = TestAudio.speechWav(dir, "speech.wav", "What difference will this make for the child?");
        // lame: ID3v2 at the start and ID3v1 at the end.
        Path lame = TestAudio.lame(dir, wav, "lame.mp3", "-b", "64", "--add-id3v2", "--tt", TEAM, "--ta", SUPERVISOR,
                "--tc", DATE, "--ty", "2024");
        assertStripped(lame);
        // ffmpeg: ID3v2.3 in UTF-16 (the check mark forces it) and ID3v1.
        Path utf16 = TestAudio.ffmpeg(dir, "-i", wav.toString(), "-c:a", "libmp3lame", "-id3v2_version", "3",
                "-write_id3v1", "1", "-metadata", "artist=" + SUPERVISOR + " \u2713", "-metadata", "album=" + TEAM,
                "-metadata", "date=" + DATE, "utf16.mp3");
        assertTrue(contains(Files.readAllBytes(utf16), SUPERVISOR, StandardCharsets.UTF_16LE), "the tag is UTF-16");
        assertStripped(utf16);
        // Hand-made: ID3v2.4 with a footer in front, then APEv2, Enhanced TAG+ and ID3v1 behind the audio.
        byte[] audio = Files.readAllBytes(TestAudio.lame(dir, wav, "plain.mp3", "-b", "64"));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(id3v24WithFooter(SUPERVISOR));
        all.writeBytes(audio);
        all.writeBytes(apeV2("Artist", TEAM));
        all.writeBytes(enhancedTag(SUPERVISOR));
        all.writeBytes(id3v1(TEAM));
        Path handMade = Files.write(dir.resolve("hand-made.mp3"), all.toByteArray());
        assertStripped(handMade);
        assertArrayEquals(audio, Files.readAllBytes(dir.resolve("stripped-hand-made.mp3")),
                "exactly the frames of the untagged file remain");
    }

    @Test
    void wavKeepsOnlyFormatAndSamples() throws IOException {
        Path wav = TestAudio.speechWav(dir, "speech.wav", "How will we know it is working?");
        Path ffmpegTagged = TestAudio.ffmpeg(dir, "-i", wav.toString(), "-write_bext", "1", "-metadata", "title=" + TEAM,
                "-metadata", "artist=" + SUPERVISOR, "-metadata", "comment=recorded " + DATE, "-metadata",
                "originator=" + SUPERVISOR, "-metadata", "origination_date=" + DATE, "tagged.wav");
        assertTrue(contains(Files.readAllBytes(ffmpegTagged), TEAM, StandardCharsets.UTF_8));
        assertStripped(ffmpegTagged);

        byte[] pcm = TestAudio.tonePcm(16000, 1, 0.1, 0.5, 0.1);
        byte[] info = list("INFO", "INAM", TEAM + "\0", "IART", SUPERVISOR + "\0", "ICRD", DATE + "\0");
        Path handMade = Files.write(dir.resolve("chunks.wav"), TestAudio.riff("bext", padTo(SUPERVISOR, 602),
                "fmt ", TestAudio.fmtPcm16(16000, 1), "LIST", info, "iXML", ("<BWFXML><NOTE>" + TEAM
                        + "</NOTE></BWFXML>").getBytes(StandardCharsets.UTF_8), "data", pcm, "id3 ",
                id3v24WithFooter(SUPERVISOR), "odd!", "x".getBytes(StandardCharsets.US_ASCII)));
        assertStripped(handMade);
        byte[] expected = TestAudio.riff("fmt ", TestAudio.fmtPcm16(16000, 1), "data", pcm);
        assertArrayEquals(expected, Files.readAllBytes(dir.resolve("stripped-chunks.wav")));
    }

    @Test
    void wavWithUnsetDataSize() throws IOException {
        byte[] pcm = TestAudio.tonePcm(16000, 1, 0.1, 0.5, 0.1);
        // A recorder that died before finishing the header: data size 0, samples to the end of the file.
        byte[] unset = TestAudio.riff("fmt ", TestAudio.fmtPcm16(16000, 1), "LIST", list("INFO", "INAM", TEAM + "\0"),
                "data", new byte[0]);
        Path crashed = dir.resolve("crashed.wav");
        Files.write(crashed, unset);
        Files.write(crashed, pcm, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(700, AudioProbe.probe(crashed).durationMs());
        // An empty data chunk followed by more chunks is empty, and what follows is not taken for samples.
        Path empty = Files.write(dir.resolve("empty-data.wav"), TestAudio.riff("fmt ", TestAudio.fmtPcm16(16000, 1),
                "data", new byte[0], "LIST", list("INFO", "IART", SUPERVISOR + "\0")));
        assertEquals(0, AudioProbe.probe(empty).durationMs());
        MetadataStripper.strip(empty, dir.resolve("stripped-empty.wav"));
        assertFalse(contains(Files.readAllBytes(dir.resolve("stripped-empty.wav")), SUPERVISOR, StandardCharsets.UTF_8));
    }

    @Test
    void floatWavKeepsItsFactChunk() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone.wav", 16000, 1);
        Path floats = TestAudio.ffmpeg(dir, "-i", wav.toString(), "-c:a", "pcm_f32le", "-metadata", "title=" + TEAM,
                "float.wav");
        assertStripped(floats);
        byte[] out = Files.readAllBytes(dir.resolve("stripped-float.wav"));
        assertTrue(contains(out, "fact", StandardCharsets.US_ASCII), "fact is required for float samples");
    }

    @Test
    void m4aMetadataAtomsBecomeFreeSpaceInPlace() throws IOException {
        Path wav = TestAudio.speechWav(dir, "speech.wav", "Who will notice the difference first?");
        Path m4a = TestAudio.ffmpeg(dir, "-i", wav.toString(), "-c:a", "aac", "-b:a", "64k", "-metadata", "title=" + TEAM,
                "-metadata", "artist=" + SUPERVISOR, "-metadata", "album=" + TEAM, "-metadata",
                "comment=" + SUPERVISOR + " " + DATE, "-metadata", "creation_time=" + DATE + "T10:00:00Z",
                "-metadata:s:a:0", "handler_name=" + SUPERVISOR, "tagged.m4a");
        byte[] before = Files.readAllBytes(m4a);
        assertStripped(m4a);
        byte[] after = Files.readAllBytes(dir.resolve("stripped-tagged.m4a"));
        assertEquals(before.length, after.length, "same size: no atom moved");
        String tagsBefore = ffprobeTags(m4a);
        assertTrue(tagsBefore.contains("creation_time=" + DATE) && tagsBefore.contains("handler_name=" + SUPERVISOR),
                tagsBefore);
        String tagsAfter = ffprobeTags(dir.resolve("stripped-tagged.m4a"));
        assertFalse(tagsAfter.contains("creation_time") || tagsAfter.contains("title") || tagsAfter.contains(SUPERVISOR),
                tagsAfter);
        // ffmpeg can also put the tags in front of the audio (-movflags faststart): same result.
        Path fast = TestAudio.ffmpeg(dir, "-i", m4a.toString(), "-c", "copy", "-map_metadata", "0", "-movflags",
                "faststart", "fast.m4a");
        assertStripped(fast);
    }

    @Test
    void outputMayNotBeTheInput() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone.wav", 16000, 1);
        byte[] before = Files.readAllBytes(wav);
        EarmarkException e = assertThrows(EarmarkException.class, () -> MetadataStripper.strip(wav, wav));
        assertTrue(e.getMessage().contains("itself"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(wav));
    }

    @Test
    void unusableInputWritesNothing() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp3"), "not audio");
        Path out = dir.resolve("out.mp3");
        assertThrows(EarmarkException.class, () -> MetadataStripper.strip(text, out));
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    private void assertStripped(Path in) throws IOException {
        byte[] original = Files.readAllBytes(in);
        String hash = org.earmark.core.Hashes.sha256(in);
        AudioInfo info = AudioProbe.probe(in);
        Path out = dir.resolve("stripped-" + in.getFileName());
        AudioInfo stripped = MetadataStripper.strip(in, out);

        assertEquals(hash, org.earmark.core.Hashes.sha256(in), "the original is unchanged");
        assertArrayEquals(original, Files.readAllBytes(in));
        byte[] bytes = Files.readAllBytes(out);
        for (String secret : SECRETS) {
            for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                assertFalse(contains(bytes, secret, charset), in.getFileName() + " still holds '" + secret + "' in "
                        + charset);
            }
        }
        assertEquals(info, stripped);
        assertEquals(info, AudioProbe.probe(out));
        assertEquals(TestAudio.decodedMd5(in), TestAudio.decodedMd5(out), "the copy decodes to the same samples");
        assertEquals(0, TestAudio.exitCode(dir, "ffmpeg", "-nostdin", "-v", "error", "-xerror", "-i", out.toString(),
                "-f", "null", "-"), "ffmpeg decodes the copy without errors");
    }

    private String ffprobeTags(Path file) {
        return new String(TestAudio.run(dir, "ffprobe", "-v", "error", "-show_entries", "format_tags:stream_tags",
                file.toString()), StandardCharsets.UTF_8);
    }

    static boolean contains(byte[] haystack, String text, Charset charset) {
        byte[] needle = text.getBytes(charset);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** An ID3v2.4 tag with one UTF-8 title frame and a footer. */
    private static byte[] id3v24WithFooter(String title) {
        byte[] text = title.getBytes(StandardCharsets.UTF_8);
        int frameSize = 1 + text.length;
        ByteBuffer frame = ByteBuffer.allocate(10 + frameSize);
        frame.put("TIT2".getBytes(StandardCharsets.US_ASCII)).put(syncSafe(frameSize)).putShort((short) 0)
                .put((byte) 3).put(text);
        int size = frame.capacity();
        ByteBuffer tag = ByteBuffer.allocate(10 + size + 10);
        tag.put("ID3".getBytes(StandardCharsets.US_ASCII)).put((byte) 4).put((byte) 0).put((byte) 0x10)
                .put(syncSafe(size)).put(frame.array());
        tag.put("3DI".getBytes(StandardCharsets.US_ASCII)).put((byte) 4).put((byte) 0).put((byte) 0x10)
                .put(syncSafe(size));
        return tag.array();
    }

    private static byte[] syncSafe(int value) {
        return new byte[] {(byte) (value >>> 21 & 0x7F), (byte) (value >>> 14 & 0x7F), (byte) (value >>> 7 & 0x7F),
            (byte) (value & 0x7F)};
    }

    /** An APEv2 tag with header and footer and one text item. */
    private static byte[] apeV2(String key, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer item = ByteBuffer.allocate(8 + k.length + 1 + v.length).order(ByteOrder.LITTLE_ENDIAN);
        item.putInt(v.length).putInt(0).put(k).put((byte) 0).put(v);
        int size = item.capacity() + 32;
        ByteBuffer tag = ByteBuffer.allocate(32 + size).order(ByteOrder.LITTLE_ENDIAN);
        tag.put("APETAGEX".getBytes(StandardCharsets.US_ASCII)).putInt(2000).putInt(size).putInt(1)
                .putInt(0xA0000000).putLong(0);
        tag.put(item.array());
        tag.put("APETAGEX".getBytes(StandardCharsets.US_ASCII)).putInt(2000).putInt(size).putInt(1)
                .putInt(0x80000000).putLong(0);
        return tag.array();
    }

    private static byte[] enhancedTag(String title) {
        byte[] tag = new byte[227];
        System.arraycopy("TAG+".getBytes(StandardCharsets.US_ASCII), 0, tag, 0, 4);
        byte[] text = title.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, tag, 4, Math.min(60, text.length));
        return tag;
    }

    private static byte[] id3v1(String title) {
        byte[] tag = new byte[128];
        System.arraycopy("TAG".getBytes(StandardCharsets.US_ASCII), 0, tag, 0, 3);
        byte[] text = title.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, tag, 3, Math.min(30, text.length));
        return tag;
    }

    private static byte[] list(String type, String... idsAndTexts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < idsAndTexts.length; i += 2) {
            byte[] text = idsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8);
            out.writeBytes(idsAndTexts[i].getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(TestAudio.le32(text.length));
            out.writeBytes(text);
            if (text.length % 2 == 1) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    private static byte[] padTo(String text, int length) {
        byte[] bytes = new byte[length];
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, bytes, 0, t.length);
        return bytes;
    }
}
