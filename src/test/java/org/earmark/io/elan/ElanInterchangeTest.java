package org.earmark.io.elan;

import static org.earmark.io.interchange.InterchangeFiles.AWKWARD;
import static org.earmark.io.interchange.InterchangeFiles.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.earmark.core.EarmarkException;
import org.earmark.io.interchange.ImportOptions;
import org.earmark.io.interchange.InterchangeFiles;
import org.earmark.model.NewEvent;
import org.earmark.storage.CoderFile;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ElanInterchangeTest {

    private static final Path FIXTURE = Path.of("src/test/resources/interchange/elan/supervision-session.eaf");

    @TempDir
    Path dir;

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    private static String text(Document d, String xpath) throws Exception {
        return XPATH.evaluate(xpath, d);
    }

    private static NodeList nodes(Document d, String xpath) throws Exception {
        return (NodeList) XPATH.evaluate(xpath, d, XPathConstants.NODESET);
    }

    private static int count(Document d, String xpath) throws Exception {
        return ((Number) XPATH.evaluate("count(" + xpath + ")", d, XPathConstants.NUMBER)).intValue();
    }

    private List<Path> export() {
        try (CoderFile f = InterchangeFiles.withEvents(dir.resolve("alice.earmark"))) {
            return ElanInterchange.export(f, dir.resolve("elan"), CLOCK);
        }
    }

    private static String problem(Runnable r) {
        EarmarkException e = assertThrows(EarmarkException.class, r::run);
        assertEquals(EarmarkException.Kind.BAD_INPUT, e.kind());
        return e.getMessage();
    }

    // ---- export: structure seen through an XML parser ----

    @Test
    void exportWritesOneWellFormedEaf30DocumentPerRecording() throws Exception {
        List<Path> written = export();
        assertEquals(List.of(dir.resolve("elan/R-7Q3K.eaf"), dir.resolve("elan/R-2MXD.eaf")), written);

        Document d = parse(written.get(0));
        Element root = d.getDocumentElement();
        assertEquals("ANNOTATION_DOCUMENT", root.getTagName());
        assertEquals("3.0", root.getAttribute("FORMAT"));
        assertEquals("3.0", root.getAttribute("VERSION"));
        assertEquals("alice", root.getAttribute("AUTHOR"));
        assertEquals("2025-01-02T03:04:05Z", root.getAttribute("DATE"));
        assertEquals("http://www.mpi.nl/tools/elan/EAFv3.0.xsd",
                root.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "noNamespaceSchemaLocation"));
        assertEquals(List.of("HEADER", "TIME_ORDER", "TIER", "LINGUISTIC_TYPE", "LANGUAGE", "CONSTRAINT"),
                childNames(root), "the element order of the EAF 3.0 schema");

        assertEquals("milliseconds", text(d, "/ANNOTATION_DOCUMENT/HEADER/@TIME_UNITS"));
        assertEquals("audio/x-wav", text(d, "//MEDIA_DESCRIPTOR/@MIME_TYPE"));
        assertEquals("../R-7Q3K.wav", text(d, "//MEDIA_DESCRIPTOR/@RELATIVE_MEDIA_URL"));
        assertEquals(dir.resolve("R-7Q3K.wav").toAbsolutePath(), Path.of(URI.create(text(d, "//MEDIA_DESCRIPTOR/@MEDIA_URL"))),
                "the absolute URL is the coder file's audio_file, relative to the coder file's folder");
        assertEquals("R-7Q3K", text(d, "//HEADER/PROPERTY[@NAME='earmark:recording']"));
        assertTrue(text(d, "//HEADER/PROPERTY[@NAME='earmark:codebook']").startsWith(
                "outcomes-focused-supervision 1.0.0 sha256:"));

        // time slots: in ms, numbered ts1.. in time order, two per annotation, each used once
        NodeList slots = nodes(d, "//TIME_ORDER/TIME_SLOT");
        Map<String, Long> slotTimes = new HashMap<>();
        long previous = -1;
        for (int i = 0; i < slots.getLength(); i++) {
            Element slot = (Element) slots.item(i);
            assertEquals("ts" + (i + 1), slot.getAttribute("TIME_SLOT_ID"));
            long ms = Long.parseLong(slot.getAttribute("TIME_VALUE"));
            assertTrue(ms >= previous, "time slots in time order");
            previous = ms;
            slotTimes.put(slot.getAttribute("TIME_SLOT_ID"), ms);
        }
        int annotations = count(d, "//ALIGNABLE_ANNOTATION");
        assertEquals(11, annotations);
        assertEquals(2 * annotations, slots.getLength());
        assertEquals(String.valueOf(annotations), text(d, "//PROPERTY[@NAME='lastUsedAnnotationId']"));

        // one tier per code in codebook order; overlapping events on extra tiers right after their code's
        assertEquals(List.of("OFQ", "OFQ (2)", "OFQ (3)", "RISK", "TASK", "REFL", "OTHQ", "CASE", "CASE (2)"),
                attributes(d, "//TIER", "TIER_ID"));
        assertEquals("earmark-point", text(d, "//TIER[@TIER_ID='OFQ']/@LINGUISTIC_TYPE_REF"));
        assertEquals("earmark-span", text(d, "//TIER[@TIER_ID='CASE']/@LINGUISTIC_TYPE_REF"));
        assertEquals("alice", text(d, "//TIER[@TIER_ID='CASE']/@ANNOTATOR"));
        assertEquals(0, count(d, "//TIER[not(@LINGUISTIC_TYPE_REF = //LINGUISTIC_TYPE/@LINGUISTIC_TYPE_ID)]"),
                "every tier's type exists");
        assertEquals("true", text(d, "//LINGUISTIC_TYPE[@LINGUISTIC_TYPE_ID='earmark-point']/@TIME_ALIGNABLE"));
        assertEquals(0, count(d, "//TIER[@TIER_ID='OTHQ']/*"), "a code without events still has its (empty) tier");
        assertEquals("und", text(d, "//LANGUAGE/@LANG_ID"));
        assertEquals(List.of("Time_Subdivision", "Symbolic_Subdivision", "Symbolic_Association", "Included_In"),
                attributes(d, "//CONSTRAINT", "STEREOTYPE"));

        // annotations: ids unique, refs resolve, points last 100 ms (cut at the end), spans exact, value = note
        assertEquals(annotations, new java.util.HashSet<>(attributes(d, "//ALIGNABLE_ANNOTATION", "ANNOTATION_ID"))
                .size());
        assertEquals(List.of(12_345L, 12_445L), times(d, "OFQ", 0, slotTimes));
        assertEquals(List.of(61_234L, 61_334L), times(d, "OFQ", 1, slotTimes));
        assertEquals(List.of(61_300L, 61_400L), times(d, "OFQ (2)", 0, slotTimes));
        assertEquals(List.of(61_300L, 61_400L), times(d, "OFQ (3)", 0, slotTimes));
        assertEquals(List.of(599_999L, 600_000L), times(d, "TASK", 0, slotTimes), "cut at the recording's end");
        assertEquals(List.of(600_000L, 600_001L), times(d, "REFL", 0, slotTimes), "at the end: 1 ms");
        assertEquals(List.of(1_001L, 95_251L), times(d, "CASE", 0, slotTimes));
        assertEquals(List.of(150_000L, 200_000L), times(d, "CASE (2)", 0, slotTimes));
        assertEquals("", text(d, "//TIER[@TIER_ID='OFQ']/ANNOTATION[1]//ANNOTATION_VALUE"));
        assertEquals(1, count(d, "//TIER[@TIER_ID='OFQ']/ANNOTATION[1]//ANNOTATION_VALUE"));
        assertEquals("how will we \"know\"?", text(d, "//TIER[@TIER_ID='OFQ']/ANNOTATION[2]//ANNOTATION_VALUE"));
        assertEquals(AWKWARD, text(d, "//TIER[@TIER_ID='REFL']//ANNOTATION_VALUE"),
                "quotes, ampersands, <, CR LF, tab and non-ASCII survive an XML parser");

        Document other = parse(written.get(1));
        assertEquals(List.of(7L, 107L), times(other, "OFQ", 0, slotTimes(other)));
        assertEquals(0, count(other, "//TIER[@TIER_ID='TASK']/ANNOTATION"), "deleted events are left out");
    }

    @Test
    void exportIsValidAgainstTheOfficialEafSchemaWhenGiven() throws Exception {
        // The EAF 3.0 schema is ELAN's (GPL); it is not shipped here. Run with
        // -Dearmark.eafXsd=/path/to/EAFv3.0.xsd (from http://www.mpi.nl/tools/elan/EAFv3.0.xsd) to check.
        String xsd = System.getProperty("earmark.eafXsd", "");
        Assumptions.assumeTrue(!xsd.isBlank() && Files.isRegularFile(Path.of(xsd)), "no EAF schema given");
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Path.of(xsd).toFile());
        for (Path eaf : export()) {
            schema.newValidator().validate(new StreamSource(eaf.toFile()));
        }
        schema.newValidator().validate(new StreamSource(FIXTURE.toFile()));
    }

    @Test
    void mediaLinksAreRelativeToTheEafAndTypedByExtension() {
        Path eaf = dir.resolve("out/R-7Q3K.eaf");
        EafWriter.Media media = EafWriter.Media.of(dir.resolve("package/audio/R-7Q3K one.mp3"), eaf);
        assertEquals("../package/audio/R-7Q3K%20one.mp3", media.relativeUrl());
        assertEquals("audio/mpeg", media.mimeType());
        assertTrue(media.url().startsWith("file:/") && media.url().endsWith("/package/audio/R-7Q3K%20one.mp3"));
        assertEquals("audio/mp4", EafWriter.Media.mimeType(Path.of("a.m4a")));
        assertEquals("audio/x-wav", EafWriter.Media.mimeType(Path.of("a.WAV")));
    }

    // ---- round trip ----

    @Test
    void exportThenImportIntoAFreshCoderFileGivesTheSameEvents() throws Exception {
        List<NewEvent> original;
        List<Path> written;
        try (CoderFile f = InterchangeFiles.withEvents(dir.resolve("alice.earmark"))) {
            original = InterchangeFiles.contents(f);
            written = ElanInterchange.export(f, dir.resolve("elan"), CLOCK);
        }
        InterchangeFiles.assertReadBack(dir.resolve("fresh.earmark"), written,
                (fresh, file) -> ElanInterchange.read(fresh, file, ImportOptions.DEFAULT), original);
    }

    @Test
    void oneRecordingMayBeExportedToANamedFile() throws Exception {
        Path out = dir.resolve("session.EAF");
        try (CoderFile f = InterchangeFiles.oneRecordingOfUnknownLength(dir.resolve("bob.earmark"))) {
            f.add(NewEvent.point("R-9KQA", "OFQ", 5_000_000));
            assertEquals(List.of(out), ElanInterchange.export(f, out, CLOCK));
            Document d = parse(out);
            assertEquals("audio/mpeg", text(d, "//MEDIA_DESCRIPTOR/@MIME_TYPE"));
            assertEquals("./audio/R-9KQA.mp3", text(d, "//MEDIA_DESCRIPTOR/@RELATIVE_MEDIA_URL"));
            assertEquals(List.of(5_000_000L, 5_000_100L), times(d, "OFQ", 0, slotTimes(d)),
                    "no known length: the point's annotation is not cut");
            List<NewEvent> read = ElanInterchange.read(f, out, new ImportOptions("R-9KQA", false));
            assertEquals(List.of(NewEvent.point("R-9KQA", "OFQ", 5_000_000)), read);
            assertEquals(read, ElanInterchange.read(f, out, ImportOptions.DEFAULT),
                    "session.EAF names no recording, but its media file is R-9KQA's audio");
            Files.writeString(out, Files.readString(out).replace("R-9KQA.mp3", "other.mp3"));
            assertEquals(read, ElanInterchange.read(f, out, ImportOptions.DEFAULT),
                    "its Earmark header still says R-9KQA");
            Files.writeString(out, Files.readString(out).replaceAll("<PROPERTY NAME=\"earmark:recording\">[^<]*"
                    + "</PROPERTY>", ""));
            String message = problem(() -> ElanInterchange.read(f, out, ImportOptions.DEFAULT));
            assertTrue(message.startsWith(out + ": cannot tell which recording this is: the file name is not a"
                    + " recording id and its media file ("), message);
            assertTrue(message.endsWith(") is none of the coder file's audio. The coder file has R-9KQA; name the"
                    + " file after one of them (e.g. R-9KQA.EAF) or choose the recording (--recording)"), message);
        }
        try (CoderFile f = TestFiles.create(dir.resolve("alice.earmark"))) {
            String message = problem(() -> ElanInterchange.export(f, dir.resolve("all.eaf"), CLOCK));
            assertTrue(message.contains("names one file, but") && message.contains("holds 2 recordings"), message);
            Files.writeString(dir.resolve("plain-file"), "x");
            assertTrue(problem(() -> ElanInterchange.export(f, dir.resolve("plain-file"), CLOCK))
                    .contains("is a file, not a folder"));
        }
    }

    // ---- import of files written by ELAN ----

    @Test
    void importsAFileWrittenByElanMatchedToItsRecordingByTheMediaUrl() {
        try (CoderFile f = TestFiles.create(dir.resolve("alice.earmark"))) {
            String message = problem(() -> ElanInterchange.read(f, FIXTURE, ImportOptions.DEFAULT));
            assertTrue(message.contains("\"Transcription\" (line 21), \"Words\" (line 28), \"Translation\" (line 40)"
                    + " are not named after a code of codebook outcomes-focused-supervision (codes: OFQ, RISK, TASK,"
                    + " REFL, OTHQ, CASE)"), message);
            assertTrue(message.contains("--skip-unknown-tiers"), message);

            List<NewEvent> read = ElanInterchange.read(f, FIXTURE, new ImportOptions(null, true));
            assertEquals(InterchangeFiles.sorted(List.of(
                    new NewEvent("R-2MXD", "OFQ", 12_345, null, "How will we know things are better?"),
                    new NewEvent("R-2MXD", "OFQ", 61_234, null, ""),
                    new NewEvent("R-2MXD", "OFQ", 12_345, null, "repeat"),
                    new NewEvent("R-2MXD", "CASE", 1_500, 95_250L, "Smith & Jones — “core” group, \"é\" 中文 <3"),
                    new NewEvent("R-2MXD", "CASE", 95_250, 180_000L, ""))), InterchangeFiles.sorted(read));
        }
    }

    @Test
    void theFileNameNamesTheRecordingAndMustAgreeWithTheMedia() throws Exception {
        try (CoderFile f = TestFiles.create(dir.resolve("alice.earmark"))) {
            Path renamed = Files.copy(FIXTURE, dir.resolve("R-2MXD.eaf"));
            assertEquals("R-2MXD", ElanInterchange.read(f, renamed, new ImportOptions(null, true)).get(0)
                    .recordingId());
            Path wrong = Files.copy(FIXTURE, dir.resolve("R-7Q3K.eaf"));
            String message = problem(() -> ElanInterchange.read(f, wrong, new ImportOptions(null, true)));
            assertTrue(message.contains("its name says recording R-7Q3K but its media file is the audio of R-2MXD"),
                    message);
            assertEquals("R-7Q3K", ElanInterchange.read(f, wrong, new ImportOptions("R-7Q3K", true)).get(0)
                    .recordingId(), "an explicit recording wins");
            assertTrue(problem(() -> ElanInterchange.read(f, wrong, new ImportOptions("R-NONE", true)))
                    .contains("There is no recording R-NONE in the coder file; it has R-7Q3K, R-2MXD"));
        }
    }

    // ---- bad input ----

    private String importProblem(String eaf) throws Exception {
        Path file = dir.resolve("R-2MXD.eaf");
        Files.writeString(file, eaf, StandardCharsets.UTF_8);
        try (CoderFile f = TestFiles.create(dir.resolve("c" + System.nanoTime() + ".earmark"))) {
            return problem(() -> ElanInterchange.read(f, file, ImportOptions.DEFAULT));
        }
    }

    private static String eaf(String timeOrder, String tiers) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ANNOTATION_DOCUMENT AUTHOR=\"\" DATE=\"2024-01-01T00:00:00Z\""
                + " FORMAT=\"3.0\" VERSION=\"3.0\">\n<HEADER MEDIA_FILE=\"\" TIME_UNITS=\"milliseconds\"/>\n<TIME_ORDER>\n"
                + timeOrder + "</TIME_ORDER>\n" + tiers
                + "<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID=\"default-lt\" TIME_ALIGNABLE=\"true\"/>\n</ANNOTATION_DOCUMENT>\n";
    }

    private static String annotation(String id, String ts1, String ts2, String value) {
        return "<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"" + id + "\" TIME_SLOT_REF1=\"" + ts1
                + "\" TIME_SLOT_REF2=\"" + ts2 + "\"><ANNOTATION_VALUE>" + value
                + "</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n";
    }

    private static final String SLOTS = "<TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"1000\"/>\n"
            + "<TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"4500\"/>\n"
            + "<TIME_SLOT TIME_SLOT_ID=\"ts3\" TIME_VALUE=\"300001\"/>\n"
            + "<TIME_SLOT TIME_SLOT_ID=\"ts4\"/>\n";

    @Test
    void badFilesAreRefusedNamingFileLineAndProblem() throws Exception {
        String file = dir.resolve("R-2MXD.eaf").toString();
        assertEquals(file + " line 1: not a well-formed XML file (Content is not allowed in prolog.)",
                importProblem("File type = \"ooTextFile\"\n"));
        assertTrue(importProblem("<ANNOTATION_DOCUMENT>\n<TIER TIER_ID=\"OFQ\">\n</ANNOTATION_DOCUMENT>")
                .startsWith(file + " line 3: not a well-formed XML file ("));
        assertEquals(file + " line 2: not an ELAN file: the root element is <TextGrid>, not <ANNOTATION_DOCUMENT>",
                importProblem("<?xml version=\"1.0\"?>\n<TextGrid/>"));
        assertTrue(importProblem("").startsWith(file + " line 1: not a well-formed XML file"));
        assertEquals(file + " line 11: ALIGNABLE_ANNOTATION a1 refers to time slot \"ts9\", which is not in"
                + " TIME_ORDER", importProblem(eaf(SLOTS, "<TIER LINGUISTIC_TYPE_REF=\"default-lt\" TIER_ID=\"OFQ\">\n"
                        + annotation("a1", "ts1", "ts9", "") + "</TIER>\n")));
        assertEquals(file + ": HEADER has TIME_UNITS=\"PAL-frames\"; Earmark reads files timed in milliseconds only",
                importProblem(eaf(SLOTS, "").replace("milliseconds", "PAL-frames")));
        assertEquals(file + " line 5: TIME_SLOT ts1 has TIME_VALUE \"-5\"; expected whole milliseconds (0 or more)",
                importProblem(eaf(SLOTS.replace("\"1000\"", "\"-5\""), "")));
        assertEquals(file + ": no tier is named after a code of codebook outcomes-focused-supervision (codes: OFQ,"
                + " RISK, TASK, REFL, OTHQ, CASE). Nothing was imported.", importProblem(eaf(SLOTS, "")));
    }

    /**
     * Bytes that are not in the file's encoding (a WAV renamed .eaf, a Latin-1 file declared UTF-8) are refused in one
     * line; the JDK's parser used to print "[Fatal Error] …" to the console first.
     */
    @Test
    void bytesNotInTheFilesEncodingAreRefusedWithoutTheParsersOwnConsoleOutput() throws Exception {
        Path file = dir.resolve("R-2MXD.eaf");
        java.io.PrintStream console = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        try (CoderFile f = TestFiles.create(dir.resolve("enc.earmark"))) {
            Files.write(file, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ANNOTATION_DOCUMENT>caf\u00e9")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(file + " line 2: not UTF-8 text (byte 64 of the file), so not an XML file Earmark can read.",
                    problem(() -> ElanInterchange.read(f, file, ImportOptions.DEFAULT)));
            Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xFE, '<', 0, 'a', 0, (byte) 0x00, (byte) 0xD8});
            assertTrue(problem(() -> ElanInterchange.read(f, file, ImportOptions.DEFAULT))
                    .startsWith(file + " line 1: not UTF-16LE text"));
            // A UTF-16 file with its byte-order mark is read.
            Files.write(file, ("\uFEFF" + eaf(SLOTS, "")).getBytes(StandardCharsets.UTF_16LE));
            assertTrue(problem(() -> ElanInterchange.read(f, file, ImportOptions.DEFAULT)).contains("no tier is named"));
        } finally {
            System.setErr(console);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badAnnotationsAreAllReportedAndNothingIsImported() throws Exception {
        String message = importProblem(eaf(SLOTS,
                "<TIER LINGUISTIC_TYPE_REF=\"default-lt\" TIER_ID=\"OFQ\">\n"
                        + annotation("a1", "ts1", "ts2", "3.5 s is no moment")
                        + annotation("a2", "ts3", "ts3", "past the end")
                        + annotation("a3", "ts4", "ts2", "unaligned")
                        + annotation("a4", "ts2", "ts1", "backwards")
                        + "</TIER>\n<TIER LINGUISTIC_TYPE_REF=\"default-lt\" TIER_ID=\"CASE\">\n"
                        + annotation("a5", "ts1", "ts3", "too long") + annotation("a6", "ts2", "ts1", "backwards")
                        + annotation("a7", "ts1", "ts2", "fine")
                        + "</TIER>\n<TIER LINGUISTIC_TYPE_REF=\"t\" PARENT_REF=\"CASE\" TIER_ID=\"TASK\">\n"
                        + "<ANNOTATION><REF_ANNOTATION ANNOTATION_ID=\"a8\" ANNOTATION_REF=\"a7\"><ANNOTATION_VALUE>x"
                        + "</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>\n</TIER>\n"));
        String file = dir.resolve("R-2MXD.eaf").toString();
        assertEquals("7 problems; nothing was imported:\n"
                + "  " + file + " line 11, annotation a1 on tier OFQ: it lasts 3.500 s, but OFQ is a point code: its"
                + " annotations mark a moment (their start) and may last at most 1.000 s\n"
                + "  " + file + " line 12, annotation a2 on tier OFQ: time 300.001 s is past the end of R-2MXD"
                + " (300.000 s)\n"
                + "  " + file + " line 13, annotation a3 on tier OFQ: it has no time (its time slot has no"
                + " TIME_VALUE)\n"
                + "  " + file + " line 14, annotation a4 on tier OFQ: it ends (1.000 s) before it starts (4.500 s)\n"
                + "  " + file + " line 17, annotation a5 on tier CASE: time 300.001 s is past the end of R-2MXD"
                + " (300.000 s)\n"
                + "  " + file + " line 18, annotation a6 on tier CASE: it ends (1.000 s) before it starts (4.500 s)\n"
                + "  " + file + " line 22, annotation a8 on tier TASK: it is a reference annotation (on a dependent"
                + " tier); Earmark reads time-aligned annotations only", message);
    }

    @Test
    void eventsElanCannotHoldAreRefusedBeforeAnyFileIsWritten() {
        try (CoderFile f = TestFiles.create(dir.resolve("alice.earmark"))) {
            f.add(new NewEvent("R-2MXD", "CASE", 5_000, 5_000L, ""));
            String message = problem(() -> ElanInterchange.export(f, dir.resolve("out"), CLOCK));
            assertEquals("The CASE span event at 5.000 s on R-2MXD has no length; ELAN cannot show an annotation"
                    + " that ends where it starts. Give it an end after its start, or delete it, and export again",
                    message);
            assertFalse(Files.exists(dir.resolve("out/R-7Q3K.eaf")), "nothing is written");
        }
        try (CoderFile f = TestFiles.create(dir.resolve("bob.earmark"))) {
            f.add(new NewEvent("R-7Q3K", "OFQ", 1_000, null, "bell \u0007 here"));
            assertEquals("The note of the OFQ event at 1.000 s on R-7Q3K holds the character U+0007, which an XML"
                    + " (ELAN) file cannot hold; edit the note and export again",
                    problem(() -> ElanInterchange.export(f, dir.resolve("out2"), CLOCK)));
        }
    }

    // ---- helpers ----

    private static List<String> childNames(Element e) {
        List<String> names = new ArrayList<>();
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && (names.isEmpty() || !names.get(names.size() - 1).equals(child.getTagName()))) {
                names.add(child.getTagName());
            }
        }
        return names;
    }

    private static List<String> attributes(Document d, String xpath, String attribute) throws Exception {
        NodeList list = nodes(d, xpath);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            values.add(((Element) list.item(i)).getAttribute(attribute));
        }
        return values;
    }

    private static Map<String, Long> slotTimes(Document d) throws Exception {
        Map<String, Long> times = new HashMap<>();
        NodeList slots = nodes(d, "//TIME_SLOT");
        for (int i = 0; i < slots.getLength(); i++) {
            Element s = (Element) slots.item(i);
            times.put(s.getAttribute("TIME_SLOT_ID"), Long.parseLong(s.getAttribute("TIME_VALUE")));
        }
        return times;
    }

    /** Start and end of the tier's n-th annotation (from 0), through its time slots. */
    private static List<Long> times(Document d, String tier, int n, Map<String, Long> slots) throws Exception {
        Element a = (Element) nodes(d, "//TIER[@TIER_ID='" + tier + "']/ANNOTATION/ALIGNABLE_ANNOTATION").item(n);
        assertNotNull(a, tier + " annotation " + n);
        return List.of(slots.get(a.getAttribute("TIME_SLOT_REF1")), slots.get(a.getAttribute("TIME_SLOT_REF2")));
    }
}
