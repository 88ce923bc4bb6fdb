package org.earmark.storage;

import java.nio.charset.StandardCharsets;

/** Names common file types by their first bytes, so "not an Earmark file" can say what it is instead. */
final class FileSniffer {

    private FileSniffer() {
    }

    static String describe(byte[] head) {
        if (head.length == 0) {
            return "an empty file";
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return "a zip archive (an Earmark package or an Office document?)";
        }
        if (startsWith(head, 'R', 'I', 'F', 'F')) {
            return "a RIFF file (WAV audio?)";
        }
        if (startsWith(head, 'I', 'D', '3') || startsWith(head, 0xFF, 0xFB) || startsWith(head, 0xFF, 0xF3)) {
            return "MP3 audio";
        }
        if (head.length >= 8 && new String(head, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
            return "an MP4/M4A media file";
        }
        if (startsWith(head, '{') || startsWith(head, '[')) {
            return "a JSON or text file";
        }
        return "not a SQLite database";
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
