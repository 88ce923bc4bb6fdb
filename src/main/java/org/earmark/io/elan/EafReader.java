package org.earmark.io.elan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.earmark.core.EarmarkException;

/**
 * Reads an ELAN {@code .eaf} file (format 2.x or 3.0) with the JDK's streaming XML parser: tiers,
 * annotations with their times, media links. DTDs and external entities are not processed.
 * Anything that is not a readable EAF is a bad-input error naming the file, the line and the element.
 */
public final class EafReader {

    private record Slot(Long ms, int line) {
    }

    private record Pending(String id, String ref1, String ref2, boolean aligned, int line) {
    }

    /** The header property in which Earmark's own export says which recording the file is the coding of. */
    static final String EARMARK_RECORDING = "earmark:recording";

    private EafReader() {
    }

    public static EafFile read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file, in);
        } catch (NoSuchFileException e) {
            throw EarmarkException.badInput("File not found: " + file);
        } catch (IOException e) {
            throw new EarmarkException(EarmarkException.Kind.IO, "Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** @param file names the file in messages */
    public static EafFile read(Path file, InputStream in) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's own parser, whatever else is on the classpath
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = null;
        try {
            // Decoded here: on bytes that are not in the file's encoding, the JDK's parser prints "[Fatal Error] …"
            // to the console itself, over the one-line message the user is owed.
            xml = factory.createXMLStreamReader(new java.io.StringReader(XmlText.decode(file, in.readAllBytes())));
            return parse(file, xml);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw EarmarkException.badInput(file + (line > 0 ? " line " + line : "") + ": not a well-formed XML file ("
                    + cleanMessage(e) + ")");
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release that matters
                }
            }
        }
    }

    private static EafFile parse(Path file, XMLStreamReader xml) throws XMLStreamException {
        String timeUnits = "milliseconds";
        String declaredRecording = null;
        List<String> media = new ArrayList<>();
        Map<String, Slot> slots = new HashMap<>();
        List<EafFile.Tier> tiers = new ArrayList<>();

        String tierId = null;
        String tierParent = null;
        String tierType = null;
        int tierLine = 0;
        List<Pending> pending = new ArrayList<>();
        List<String> values = new ArrayList<>();
        boolean root = true;

        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("TIER") && tierId != null) {
                    tiers.add(tier(file, tierId, tierParent, tierType, tierLine, pending, values, slots));
                    tierId = null;
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            int line = xml.getLocation().getLineNumber();
            if (root) {
                root = false;
                if (!name.equals("ANNOTATION_DOCUMENT")) {
                    throw EarmarkException.badInput(file + " line " + line + ": not an ELAN file: the root element is <"
                            + name + ">, not <ANNOTATION_DOCUMENT>");
                }
                continue;
            }
            switch (name) {
                case "HEADER" -> {
                    String units = attr(xml, "TIME_UNITS");
                    if (units != null) {
                        timeUnits = units;
                    }
                }
                case "PROPERTY" -> {
                    if (EARMARK_RECORDING.equals(attr(xml, "NAME"))) {
                        declaredRecording = xml.getElementText().strip();
                    }
                }
                case "MEDIA_DESCRIPTOR" -> {
                    addIfPresent(media, attr(xml, "MEDIA_URL"));
                    addIfPresent(media, attr(xml, "RELATIVE_MEDIA_URL"));
                }
                case "TIME_SLOT" -> {
                    String id = required(file, xml, line, "TIME_SLOT", "TIME_SLOT_ID");
                    String value = attr(xml, "TIME_VALUE");
                    Long ms = null;
                    if (value != null) {
                        try {
                            ms = Long.parseLong(value.strip());
                        } catch (NumberFormatException e) {
                            ms = -1L;
                        }
                        if (ms < 0) {
                            throw EarmarkException.badInput(file + " line " + line + ": TIME_SLOT " + id
                                    + " has TIME_VALUE \"" + value + "\"; expected whole milliseconds (0 or more)");
                        }
                    }
                    if (slots.put(id, new Slot(ms, line)) != null) {
                        throw EarmarkException.badInput(file + " line " + line + ": a second TIME_SLOT with the id "
                                + id);
                    }
                }
                case "TIER" -> {
                    tierId = required(file, xml, line, "TIER", "TIER_ID");
                    tierParent = attr(xml, "PARENT_REF");
                    tierType = attr(xml, "LINGUISTIC_TYPE_REF");
                    tierLine = line;
                    pending.clear();
                    values.clear();
                }
                case "ALIGNABLE_ANNOTATION", "REF_ANNOTATION" -> {
                    if (tierId == null) {
                        throw EarmarkException.badInput(file + " line " + line + ": <" + name
                                + "> outside a <TIER>");
                    }
                    String id = required(file, xml, line, name, "ANNOTATION_ID");
                    boolean aligned = name.equals("ALIGNABLE_ANNOTATION");
                    pending.add(new Pending(id,
                            aligned ? required(file, xml, line, name + " " + id, "TIME_SLOT_REF1") : null,
                            aligned ? required(file, xml, line, name + " " + id, "TIME_SLOT_REF2") : null,
                            aligned, line));
                    values.add("");
                }
                case "ANNOTATION_VALUE" -> {
                    String text = xml.getElementText();
                    if (!values.isEmpty()) {
                        values.set(values.size() - 1, text);
                    }
                }
                default -> {
                    // other elements (types, languages, constraints, vocabularies, …) do not matter here
                }
            }
        }
        if (root) {
            throw EarmarkException.badInput(file + ": not an ELAN file: it holds no XML element");
        }
        return new EafFile(file, timeUnits, media, tiers, declaredRecording);
    }

    private static EafFile.Tier tier(Path file, String id, String parent, String type, int line, List<Pending> pending,
            List<String> values, Map<String, Slot> slots) {
        List<EafFile.Annotation> annotations = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (!p.aligned()) {
                annotations.add(new EafFile.Annotation(p.id(), false, null, null, values.get(i), p.line()));
                continue;
            }
            annotations.add(new EafFile.Annotation(p.id(), true, time(file, p, p.ref1(), slots),
                    time(file, p, p.ref2(), slots), values.get(i), p.line()));
        }
        return new EafFile.Tier(id, parent, type, annotations, line);
    }

    private static Long time(Path file, Pending p, String ref, Map<String, Slot> slots) {
        Slot slot = slots.get(ref);
        if (slot == null) {
            throw EarmarkException.badInput(file + " line " + p.line() + ": ALIGNABLE_ANNOTATION " + p.id()
                    + " refers to time slot \"" + ref + "\", which is not in TIME_ORDER");
        }
        return slot.ms();
    }

    private static String attr(XMLStreamReader xml, String name) {
        return xml.getAttributeValue(null, name);
    }

    private static String required(Path file, XMLStreamReader xml, int line, String element, String attribute) {
        String value = attr(xml, attribute);
        if (value == null || value.isBlank()) {
            throw EarmarkException.badInput(file + " line " + line + ": " + element + " has no " + attribute);
        }
        return value;
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }

    /** The parser's message without its own "ParseError at [row,col]:" preamble, which we already give. */
    private static String cleanMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }
}
