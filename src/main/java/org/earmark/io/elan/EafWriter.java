package org.earmark.io.elan;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.earmark.codebook.CodeKind;
import org.earmark.codebook.Codebook;
import org.earmark.core.EarmarkException;
import org.earmark.io.interchange.Seconds;
import org.earmark.io.interchange.TierLayout;
import org.earmark.model.Event;
import org.earmark.model.Recording;

/**
 * Writes one recording's events as an ELAN EAF 3.0 document, laid out the way ELAN itself writes
 * one: a tier per code ({@code TIER_ID} = code id) of the linguistic type {@value #POINT_TYPE} or
 * {@value #SPAN_TYPE}, a time-aligned annotation per event whose value is the event's note, time
 * slots in milliseconds in time order, ELAN's usual {@code LANGUAGE} and {@code CONSTRAINT} elements.
 *
 * <p>ELAN has no point annotations. A point event at t is written as an annotation from t to
 * t + {@value #POINT_MS} ms (cut at the recording's end, at least 1 ms); reading takes the start of
 * an annotation on a point code's tier as the event's time, so the round trip is exact.
 */
public final class EafWriter {

    /** How long the annotation that stands for a point event is: visible and clickable in ELAN. */
    public static final long POINT_MS = 100;
    public static final String POINT_TYPE = "earmark-point";
    public static final String SPAN_TYPE = "earmark-span";
    static final String SCHEMA = "http://www.mpi.nl/tools/elan/EAFv3.0.xsd";

    /**
     * The audio an EAF links to.
     *
     * @param url         absolute {@code file:} URL
     * @param relativeUrl URL relative to the EAF's folder ({@code ./R-7Q3K.wav}), or {@code null}
     */
    public record Media(String url, String relativeUrl, String mimeType) {

        /** The link from an EAF file to an audio file, both as paths on this machine. */
        public static Media of(Path audio, Path eafFile) {
            Path absoluteAudio = audio.toAbsolutePath().normalize();
            String relative = null;
            try {
                Path fromEaf = eafFile.toAbsolutePath().normalize().getParent().relativize(absoluteAudio);
                String path = fromEaf.toString().replace('\\', '/');
                relative = new URI(null, null, path.startsWith("../") ? path : "./" + path, null).toASCIIString();
            } catch (IllegalArgumentException | URISyntaxException differentRoots) {
                // no relative link (e.g. another drive); ELAN then uses the absolute one
            }
            return new Media(absoluteAudio.toUri().toASCIIString(), relative, mimeType(absoluteAudio));
        }

        /** The MIME type ELAN expects for an audio file, from its extension. */
        public static String mimeType(Path audio) {
            String name = audio.getFileName() == null ? "" : audio.getFileName().toString().toLowerCase(Locale.ROOT);
            String ext = name.substring(name.lastIndexOf('.') + 1);
            return switch (ext) {
                case "wav", "wave" -> "audio/x-wav";
                case "mp3" -> "audio/mpeg";
                case "m4a", "mp4", "aac" -> "audio/mp4";
                default -> "unknown";
            };
        }
    }

    private EafWriter() {
    }

    /**
     * @param events the recording's (non-deleted) events
     * @param media  the audio to link, or {@code null} when the recording has no audio file
     * @param author written as the document's author and each tier's annotator (the coder)
     * @throws org.earmark.core.EarmarkException (bad input) for an event ELAN cannot hold: a span of
     *         zero length, or a note with a character XML cannot hold
     */
    public static void write(Codebook codebook, Recording recording, List<Event> events, Media media, String author,
            Instant date, Writer out) throws IOException {
        for (Event e : events) {
            checkWritable(e);
        }
        List<TierLayout.Tier> tiers = TierLayout.layout(codebook, events,
                (before, next) -> next.startMs() >= annotationEnd(before, recording));

        // Two time slots per annotation (ELAN would move annotations of independent tiers together if
        // they shared one), numbered in time order as ELAN requires.
        record Slot(long ms, int order) {
        }
        List<Slot> slots = new ArrayList<>();
        for (TierLayout.Tier tier : tiers) {
            for (Event e : tier.events()) {
                slots.add(new Slot(e.startMs(), slots.size()));
                slots.add(new Slot(annotationEnd(e, recording), slots.size()));
            }
        }
        List<Slot> sorted = slots.stream().sorted(Comparator.comparingLong(Slot::ms).thenComparingInt(Slot::order))
                .toList();
        int[] slotNumber = new int[slots.size()];
        for (int i = 0; i < sorted.size(); i++) {
            slotNumber[sorted.get(i).order()] = i + 1;
        }

        Xml x = new Xml(out);
        x.line(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        x.line(0, "<ANNOTATION_DOCUMENT AUTHOR=" + x.attr(author == null ? "" : author)
                + " DATE=" + x.attr(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        date.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)))
                + " FORMAT=\"3.0\" VERSION=\"3.0\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:noNamespaceSchemaLocation=\"" + SCHEMA + "\">");
        x.line(1, "<HEADER MEDIA_FILE=\"\" TIME_UNITS=\"milliseconds\">");
        if (media != null) {
            x.line(2, "<MEDIA_DESCRIPTOR MEDIA_URL=" + x.attr(media.url()) + " MIME_TYPE=" + x.attr(media.mimeType())
                    + (media.relativeUrl() == null ? "" : " RELATIVE_MEDIA_URL=" + x.attr(media.relativeUrl()))
                    + "/>");
        }
        x.line(2, "<PROPERTY NAME=\"earmark:recording\">" + x.text(recording.id()) + "</PROPERTY>");
        x.line(2, "<PROPERTY NAME=\"earmark:codebook\">" + x.text(codebook.id() + " " + codebook.version() + " "
                + codebook.hash()) + "</PROPERTY>");
        x.line(2, "<PROPERTY NAME=\"lastUsedAnnotationId\">" + slots.size() / 2 + "</PROPERTY>");
        x.line(1, "</HEADER>");
        if (sorted.isEmpty()) {
            x.line(1, "<TIME_ORDER/>");
        } else {
            x.line(1, "<TIME_ORDER>");
            for (int i = 0; i < sorted.size(); i++) {
                x.line(2, "<TIME_SLOT TIME_SLOT_ID=\"ts" + (i + 1) + "\" TIME_VALUE=\"" + sorted.get(i).ms() + "\"/>");
            }
            x.line(1, "</TIME_ORDER>");
        }
        int annotation = 0;
        for (TierLayout.Tier tier : tiers) {
            String open = "<TIER" + (author == null || author.isBlank() ? "" : " ANNOTATOR=" + x.attr(author))
                    + " LINGUISTIC_TYPE_REF=\"" + (tier.code().kind() == CodeKind.POINT ? POINT_TYPE : SPAN_TYPE)
                    + "\" TIER_ID=" + x.attr(tier.name());
            if (tier.events().isEmpty()) {
                x.line(1, open + "/>");
                continue;
            }
            x.line(1, open + ">");
            for (Event e : tier.events()) {
                x.line(2, "<ANNOTATION>");
                x.line(3, "<ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a" + (annotation + 1) + "\" TIME_SLOT_REF1=\"ts"
                        + slotNumber[2 * annotation] + "\" TIME_SLOT_REF2=\"ts" + slotNumber[2 * annotation + 1] + "\">");
                x.line(4, "<ANNOTATION_VALUE>" + x.text(e.note()) + "</ANNOTATION_VALUE>");
                x.line(3, "</ALIGNABLE_ANNOTATION>");
                x.line(2, "</ANNOTATION>");
                annotation++;
            }
            x.line(1, "</TIER>");
        }
        x.line(1, "<LINGUISTIC_TYPE GRAPHIC_REFERENCES=\"false\" LINGUISTIC_TYPE_ID=\"" + POINT_TYPE
                + "\" TIME_ALIGNABLE=\"true\"/>");
        x.line(1, "<LINGUISTIC_TYPE GRAPHIC_REFERENCES=\"false\" LINGUISTIC_TYPE_ID=\"" + SPAN_TYPE
                + "\" TIME_ALIGNABLE=\"true\"/>");
        x.line(1, "<LANGUAGE LANG_DEF=\"http://cdb.iso.org/lg/CDB-00130975-001\" LANG_ID=\"und\""
                + " LANG_LABEL=\"undetermined (und)\"/>");
        x.line(1, "<CONSTRAINT DESCRIPTION=\"Time subdivision of parent annotation's time interval, no time gaps"
                + " allowed within this interval\" STEREOTYPE=\"Time_Subdivision\"/>");
        x.line(1, "<CONSTRAINT DESCRIPTION=\"Symbolic subdivision of a parent annotation. Annotations refering to"
                + " the same parent are ordered\" STEREOTYPE=\"Symbolic_Subdivision\"/>");
        x.line(1, "<CONSTRAINT DESCRIPTION=\"1-1 association with a parent annotation\""
                + " STEREOTYPE=\"Symbolic_Association\"/>");
        x.line(1, "<CONSTRAINT DESCRIPTION=\"Time alignable annotations within the parent annotation's time"
                + " interval, gaps are allowed\" STEREOTYPE=\"Included_In\"/>");
        x.line(0, "</ANNOTATION_DOCUMENT>");
    }

    /** Where an event's annotation ends: a span's end; for a point, {@link #POINT_MS} later. */
    static long annotationEnd(Event e, Recording recording) {
        if (e.endMs() != null) {
            return e.endMs();
        }
        long end = e.startMs() + POINT_MS;
        if (recording.durationMs() != null && end > recording.durationMs()) {
            end = Math.max(recording.durationMs(), e.startMs() + 1);
        }
        return end;
    }

    private static void checkWritable(Event e) {
        if (e.endMs() != null && e.endMs() == e.startMs()) {
            throw EarmarkException.badInput("The " + e.code() + " span event at " + Seconds.display(e.startMs())
                    + " on " + e.recordingId() + " has no length; ELAN cannot show an annotation that ends where it"
                    + " starts. Give it an end after its start, or delete it, and export again");
        }
        int bad = Xml.firstInvalid(e.note());
        if (bad >= 0) {
            throw EarmarkException.badInput(String.format("The note of the %s event at %s on %s holds the character"
                    + " U+%04X, which an XML (ELAN) file cannot hold; edit the note and export again", e.code(),
                    Seconds.display(e.startMs()), e.recordingId(), e.note().codePointAt(bad)));
        }
    }

    /** Just enough XML writing: indentation as ELAN writes it, and escaping that survives a parser. */
    static final class Xml {
        private final Writer out;

        Xml(Writer out) {
            this.out = out;
        }

        void line(int depth, String content) throws IOException {
            out.write("    ".repeat(depth));
            out.write(content);
            out.write('\n');
        }

        /** Element text; a carriage return is written as a reference, or a parser would read it as a newline. */
        String text(String s) {
            return escape(s, false);
        }

        /** A quoted attribute value; tabs and line breaks as references, or a parser would read spaces. */
        String attr(String s) {
            return "\"" + escape(s, true) + "\"";
        }

        private static String escape(String s, boolean attribute) {
            StringBuilder b = new StringBuilder(s.length() + 16);
            for (int i = 0; i < s.length(); ) {
                int c = s.codePointAt(i);
                i += Character.charCount(c);
                switch (c) {
                    case '&' -> b.append("&amp;");
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '\r' -> b.append("&#13;");
                    case '"' -> b.append(attribute ? "&quot;" : "\"");
                    case '\t' -> b.append(attribute ? "&#9;" : "\t");
                    case '\n' -> b.append(attribute ? "&#10;" : "\n");
                    default -> b.appendCodePoint(valid(c) ? c : 0xFFFD);
                }
            }
            return b.toString();
        }

        /** Index of the first character XML 1.0 cannot hold (control characters, lone surrogates), or -1. */
        static int firstInvalid(String s) {
            for (int i = 0; i < s.length(); ) {
                int c = s.codePointAt(i);
                if (!valid(c) || Character.isSurrogate((char) c)) {
                    return i;
                }
                i += Character.charCount(c);
            }
            return -1;
        }

        private static boolean valid(int c) {
            return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
        }
    }
}
