package org.earmark.io.praat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.earmark.core.EarmarkException;
import org.earmark.io.interchange.Seconds;

/**
 * Reads a Praat TextGrid text file, long ("normal") or short format, in UTF-8 (with or without a
 * byte order mark), UTF-16 (as Praat writes text it cannot store as ASCII; with a BOM, or without
 * one if the file starts with ASCII) or, as Praat does when the bytes are no valid UTF-8, ISO Latin-1.
 *
 * <p>Like Praat, it reads the values in order and skips the labels between them ({@code xmin =},
 * {@code item [1]:}), so both formats go through one reader. It checks what Praat would refuse:
 * intervals that overlap or are out of time order, points out of time order, an end before a start.
 * Problems are bad-input errors naming the file and the line.
 */
public final class TextGridReader {

    private final Path file;
    private final String text;
    private int pos;
    private int line = 1;
    /** The line the last value ended on: where "the file ends early" is reported. */
    private int lastValueLine = 1;

    private TextGridReader(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    public static TextGrid read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw EarmarkException.badInput("File not found: " + file);
        } catch (IOException e) {
            throw new EarmarkException(EarmarkException.Kind.IO, "Could not read " + file + ": " + e.getMessage(), e);
        }
        return read(file, bytes);
    }

    /** @param file names the file in messages */
    public static TextGrid read(Path file, byte[] bytes) {
        return new TextGridReader(file, decode(file, bytes)).grid();
    }

    static String decode(Path file, byte[] b) {
        int n = b.length;
        if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return strict(file, b, 2, StandardCharsets.UTF_16BE, "UTF-16");
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return strict(file, b, 2, StandardCharsets.UTF_16LE, "UTF-16");
        }
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return strict(file, b, 3, StandardCharsets.UTF_8, "UTF-8");
        }
        if (n >= 2 && b[0] == 0 && b[1] != 0) {
            return strict(file, b, 0, StandardCharsets.UTF_16BE, "UTF-16");
        }
        if (n >= 2 && b[0] != 0 && b[1] == 0) {
            return strict(file, b, 0, StandardCharsets.UTF_16LE, "UTF-16");
        }
        try {
            return decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }

    private static String strict(Path file, byte[] b, int skip, Charset charset, String name) {
        try {
            return decoder(charset).decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw EarmarkException.badInput(file + ": starts like " + name + " text but is not valid " + name);
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    // ---- structure ----

    private TextGrid grid() {
        if (text.startsWith("ooBinaryFile")) {
            throw bad(1, "this is a binary Praat file; in Praat, save the TextGrid as a text file and try again");
        }
        Token fileType = next("the file type (File type = \"ooTextFile\")");
        if (fileType.kind != Kind.STRING || !fileType.text.startsWith("ooTextFile")) {
            throw bad(fileType.line, "not a Praat TextGrid: a Praat text file starts with File type = \"ooTextFile\"");
        }
        Token objectClass = next("the object class (Object class = \"TextGrid\")");
        if (objectClass.kind != Kind.STRING || !objectClass.text.equals("TextGrid")) {
            throw bad(objectClass.line, "this Praat file holds " + (objectClass.kind == Kind.STRING
                    ? "a " + objectClass.text : "something else") + ", not a TextGrid");
        }
        BigDecimal xmin = number("the TextGrid's xmin");
        Token xmaxToken = peekLine();
        BigDecimal xmax = number("the TextGrid's xmax");
        if (xmax.compareTo(xmin) <= 0) {
            throw bad(xmaxToken.line, "the TextGrid ends (xmax = " + secs(xmax) + ") at or before it starts"
                    + " (xmin = " + secs(xmin) + ")");
        }
        Token flag = next("<exists> or <absent> (tiers?)");
        if (flag.kind != Kind.FLAG || !(flag.text.equals("exists") || flag.text.equals("absent"))) {
            throw bad(flag.line, "expected tiers? <exists> or <absent>, found " + flag);
        }
        List<TextGrid.Tier> tiers = new ArrayList<>();
        if (flag.text.equals("exists")) {
            int size = count("the number of tiers (size)");
            for (int t = 1; t <= size; t++) {
                tiers.add(tier(t, size));
            }
        }
        return new TextGrid(xmin, xmax, tiers);
    }

    private TextGrid.Tier tier(int index, int of) {
        String what = "tier " + index + " of " + of;
        Token kind = next("the class of " + what);
        if (kind.kind != Kind.STRING || !(kind.text.equals("IntervalTier") || kind.text.equals("TextTier"))) {
            throw bad(kind.line, "expected the class of " + what + " (\"IntervalTier\" or \"TextTier\"), found "
                    + kind);
        }
        String name = string("the name of " + what);
        what = "tier \"" + name + "\"";
        BigDecimal xmin = number("the xmin of " + what);
        BigDecimal xmax = number("the xmax of " + what);
        if (xmax.compareTo(xmin) < 0) {
            throw bad(kind.line, what + " ends (xmax = " + secs(xmax) + ") before it starts (xmin = "
                    + secs(xmin) + ")");
        }
        int size = count("the number of " + (kind.text.equals("TextTier") ? "points" : "intervals") + " of " + what);
        if (kind.text.equals("TextTier")) {
            List<TextGrid.Point> points = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                Token at = peekLine();
                BigDecimal time = number("the time of point " + i + " of " + what);
                String mark = string("the mark of point " + i + " of " + what);
                if (!points.isEmpty() && time.compareTo(points.get(points.size() - 1).time()) < 0) {
                    throw bad(at.line, "point " + i + " of " + what + " (at " + secs(time) + ") comes before point "
                            + (i - 1) + " (at " + secs(points.get(points.size() - 1).time())
                            + "): points must be in time order");
                }
                points.add(new TextGrid.Point(time, mark, at.line));
            }
            return new TextGrid.TextTier(name, xmin, xmax, points, kind.line);
        }
        List<TextGrid.Interval> intervals = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            Token at = peekLine();
            BigDecimal start = number("the xmin of interval " + i + " of " + what);
            BigDecimal end = number("the xmax of interval " + i + " of " + what);
            String label = string("the text of interval " + i + " of " + what);
            if (end.compareTo(start) < 0) {
                throw bad(at.line, "interval " + i + " of " + what + " ends (" + secs(end) + ") before it starts ("
                        + secs(start) + ")");
            }
            if (!intervals.isEmpty() && start.compareTo(intervals.get(intervals.size() - 1).xmax()) < 0) {
                TextGrid.Interval before = intervals.get(intervals.size() - 1);
                throw bad(at.line, "interval " + i + " of " + what + " starts at " + secs(start)
                        + ", before interval " + (i - 1) + " ends (" + secs(before.xmax())
                        + "): intervals must not overlap and must be in time order");
            }
            intervals.add(new TextGrid.Interval(start, end, label, at.line));
        }
        return new TextGrid.IntervalTier(name, xmin, xmax, intervals, kind.line);
    }

    private static String secs(BigDecimal s) {
        return Seconds.plain(s) + " s";
    }

    private BigDecimal number(String what) {
        Token t = next(what);
        if (t.kind != Kind.NUMBER) {
            throw bad(t.line, "expected " + what + " (a number), found " + t);
        }
        try {
            return new BigDecimal(t.text);
        } catch (NumberFormatException e) {
            throw bad(t.line, "expected " + what + " (a number), found " + t.text);
        }
    }

    private int count(String what) {
        Token at = peekLine();
        BigDecimal n = number(what);
        try {
            int count = n.intValueExact();
            if (count < 0) {
                throw new ArithmeticException();
            }
            return count;
        } catch (ArithmeticException e) {
            throw bad(at.line, "expected " + what + " (a whole number, 0 or more), found " + n.toPlainString());
        }
    }

    private String string(String what) {
        Token t = next(what);
        if (t.kind != Kind.STRING) {
            throw bad(t.line, "expected " + what + " (a text in double quotes), found " + t);
        }
        return t.text;
    }

    private EarmarkException bad(int atLine, String problem) {
        return EarmarkException.badInput(file + " line " + atLine + ": " + problem);
    }

    // ---- tokens: numbers, "strings" with "" for a quote, <flags>; labels, [indices] and ! comments skipped ----

    private enum Kind { NUMBER, STRING, FLAG }

    private record Token(Kind kind, String text, int line) {
        @Override
        public String toString() {
            return switch (kind) {
                case STRING -> "the text \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
                case FLAG -> "<" + text + ">";
                case NUMBER -> "the number " + text;
            };
        }
    }

    /** The line of the next token, without consuming it (for messages about a group of values). */
    private Token peekLine() {
        int savedPos = pos;
        int savedLine = line;
        skipToToken();
        Token marker = new Token(Kind.FLAG, "", line);
        pos = savedPos;
        line = savedLine;
        return marker;
    }

    private Token next(String what) {
        Token token = token(what);
        lastValueLine = line;
        return token;
    }

    private Token token(String what) {
        skipToToken();
        if (pos >= text.length()) {
            throw bad(lastValueLine, "the file ends early: expected " + what);
        }
        int startLine = line;
        char c = text.charAt(pos);
        if (c == '"') {
            StringBuilder b = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw bad(startLine, "a text that starts here has no closing double quote");
                }
                char d = text.charAt(pos++);
                if (d == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        b.append('"');
                        pos++;
                        continue;
                    }
                    return new Token(Kind.STRING, b.toString(), startLine);
                }
                countLine(d);
                b.append(d);
            }
        }
        if (c == '<') {
            int close = text.indexOf('>', pos);
            if (close < 0) {
                throw bad(startLine, "a <flag> that starts here has no closing >");
            }
            String flag = text.substring(pos + 1, close);
            pos = close + 1;
            return new Token(Kind.FLAG, flag, startLine);
        }
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return new Token(Kind.NUMBER, text.substring(start, pos), startLine);
    }

    /** Moves to the next value: a digit, sign or point starts a number, " a text, &lt; a flag. */
    private void skipToToken() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"' || c == '<' || Character.isDigit(c)
                    || ((c == '-' || c == '+' || c == '.') && pos + 1 < text.length()
                            && (Character.isDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '.'))) {
                return;
            }
            if (c == '!') { // a comment, to the end of the line
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '[') { // an index such as item [1]:
                int close = text.indexOf(']', pos);
                int end = close < 0 ? text.length() : close + 1;
                while (pos < end) {
                    countLine(text.charAt(pos++));
                }
            } else if (Character.isLetter(c)) { // a label word such as xmin, intervals:, tiers?
                while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '"'
                        && text.charAt(pos) != '<' && text.charAt(pos) != '[' && text.charAt(pos) != '!') {
                    pos++;
                }
            } else {
                pos++;
                countLine(c);
            }
        }
    }

    /** Counts a line break: LF, or CR not followed by LF (so CRLF counts once). */
    private void countLine(char c) {
        if (c == '\n' || (c == '\r' && (pos >= text.length() || text.charAt(pos) != '\n'))) {
            line++;
        }
    }
}
